/**
 * The app as `npm run build` leaves it in out/: built again (electron-vite, which needs no Electron
 * binary) when out/main/index.js is missing or older than the sources main bundles, so the build
 * tests read the output of the code under test.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '../..');
export const MAIN_INDEX = join(ROOT, 'out/main/index.js');
const SOURCES = ['src-main', 'src-renderer', 'electron.vite.config.ts', 'package.json'].map((p) => join(ROOT, p));

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return path.endsWith('.test.ts') ? 0 : stat.mtimeMs;
  return readdirSync(path).reduce((n, name) => Math.max(n, newest(join(path, name))), 0);
}

let building: Promise<void> | undefined;

export function ensureAppBuilt(): Promise<void> {
  building ??= (async () => {
    if (existsSync(MAIN_INDEX) && SOURCES.every((s) => !existsSync(s) || newest(s) <= statSync(MAIN_INDEX).mtimeMs)) return;
    await promisify(execFile)(process.execPath, [join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
      cwd: ROOT,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
  })();
  return building;
}
