/**
 * The installer configuration (electron-builder.json) names only what exists after `npm run
 * build`: every `files` and `asarUnpack` entry matches files, the icon and the resources folder
 * are there, and everything main loads at run time (its entries, the preloads, the renderer, the
 * compute page, the shaders) is packed, the compute page and shaders outside the asar. The
 * electron-builder package itself is not installed here; this checks its input.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureAppBuilt, ROOT } from './main-build.js';

interface BuilderConfig {
  directories: { buildResources: string; output: string };
  files: string[];
  asarUnpack: string[];
  icon: string;
  npmRebuild: boolean;
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
}

const config = JSON.parse(readFileSync(join(ROOT, 'electron-builder.json'), 'utf8')) as BuilderConfig;

/** Every file under the repository root that `pattern` ('dir/**' or a plain path) takes. */
function matches(pattern: string): string[] {
  if (!/^[\w./-]+(\/\*\*)?$/.test(pattern)) throw new Error(`unsupported pattern '${pattern}': use 'dir/**' or a path`);
  const base = join(ROOT, pattern.replace(/\/\*\*$/, ''));
  if (!existsSync(base)) return [];
  const walk = (path: string): string[] => (statSync(path).isDirectory() ? readdirSync(path).flatMap((n) => walk(join(path, n))) : [relative(ROOT, path)]);
  return walk(base);
}

const included = (path: string, patterns: readonly string[]) => patterns.some((p) => matches(p).includes(path));

/** What the built app opens at run time (src-main/app/main.ts, electron.vite.config.ts). */
const LOADED_AT_RUN_TIME = [
  'package.json',
  'out/main/index.js',
  'out/main/compute-host.js',
  'out/main/sweep-thread.js',
  'out/preload/index.cjs',
  'out/preload/compute.cjs',
  'out/renderer/index.html',
  'out/compute-page/index.html',
  'shaders/common/tiled-matmul.wgsl',
];

describe('electron-builder.json after npm run build', () => {
  beforeAll(() => ensureAppBuilt(), 300_000);
  const positive = config.files.filter((p) => !p.startsWith('!'));

  it.each(positive)('files entry %s matches files', (pattern) => {
    expect(matches(pattern).length).toBeGreaterThan(0);
  });

  it.each(config.asarUnpack)('asarUnpack entry %s matches packed files', (pattern) => {
    expect(matches(pattern).length).toBeGreaterThan(0);
    expect(matches(pattern).every((f) => included(f, positive))).toBe(true);
  });

  it.each(LOADED_AT_RUN_TIME)('packs %s, which the app loads', (path) => {
    expect(existsSync(join(ROOT, path))).toBe(true);
    expect(included(path, positive)).toBe(true);
  });

  it('keeps the compute page and the shaders out of the asar, since they are served as files', () => {
    expect(included('out/compute-page/index.html', config.asarUnpack)).toBe(true);
    expect(included('shaders/common/tiled-matmul.wgsl', config.asarUnpack)).toBe(true);
  });

  it('takes the icon from build/ for every platform and builds AppImage, deb, NSIS and dmg without a native rebuild', () => {
    expect(statSync(join(ROOT, config.directories.buildResources)).isDirectory()).toBe(true);
    for (const icon of [config.icon, config.linux.icon, config.win.icon, config.mac.icon]) {
      expect(icon.startsWith(`${config.directories.buildResources}/`)).toBe(true);
      expect(existsSync(join(ROOT, icon))).toBe(true);
    }
    expect([config.linux.target, config.win.target, config.mac.target]).toEqual([['AppImage', 'deb'], ['nsis'], ['dmg']]);
    expect(config.npmRebuild).toBe(false);
    const main = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string }).main;
    expect(existsSync(join(ROOT, main))).toBe(true);
  });
});
