/**
 * The device kit's JavaScript: the CLI and every process entry it starts, each bundled into one
 * ESM file by esbuild, laid out in the kit as in the repository (src-main/.../host-entry.mjs next
 * to where host-process.ts looks for it). Every `import.meta.url` of a bundled source is replaced
 * by that source's own URL inside the kit, so `new URL('../../package.json', import.meta.url)`,
 * the shaders root and the entries that hosts fork resolve there exactly as they do in the repo.
 * Sibling entries are found from the sources (`new URL('./x.mjs', import.meta.url)` with an `x.ts`
 * beside it), so a host layout that changes needs no change here.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';

/** Packages the kit does not carry: the app shell, the page hosts (Chromium, vite) and the native webgpu (shipped apart). */
export const KIT_EXTERNALS = ['webgpu', 'electron', 'vite', 'playwright-core'];

const ENTRY_REFERENCE = /new URL\(\s*'(\.\/[\w.-]+)\.mjs'\s*,\s*import\.meta\.url\s*\)/g;

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** Replaces import.meta.url in every bundled source by its URL inside the kit (`__kitUrl('src-main/…')`). */
function kitUrlPlugin(repoRoot: string): Plugin {
  return {
    name: 'kit-url',
    setup(b) {
      b.onLoad({ filter: /\.(ts|mts|js|mjs|cjs)$/ }, async (args) => {
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const inKit = toPosix(relative(repoRoot, args.path));
        const loader = /\.(ts|mts)$/.test(args.path) ? 'ts' : 'js';
        return { contents: text.replaceAll('import.meta.url', `__kitUrl(${JSON.stringify(inKit)})`), loader };
      });
    },
  };
}

/** The banner of a bundle at `outPath` (kit-relative): require for CommonJS dependencies, and __kitUrl. */
function banner(outPath: string): string {
  const up = '../'.repeat(outPath.split('/').length - 1) || './';
  return [
    "import { createRequire as __kitCreateRequire } from 'node:module';",
    'const require = __kitCreateRequire(import.meta.url);',
    `const __kitRoot = new URL(${JSON.stringify(up)}, import.meta.url);`,
    'const __kitUrl = (path) => new URL(path, __kitRoot).href;',
  ].join('\n');
}

/** Process entries a source forks or starts by URL, as repo-relative .ts paths. */
async function referencedEntries(repoRoot: string, sources: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const source of sources) {
    if (!source.startsWith('src-main/') || !source.endsWith('.ts')) continue;
    const text = await readFile(join(repoRoot, source), 'utf8');
    for (const match of text.matchAll(ENTRY_REFERENCE)) {
      const ts = toPosix(join(dirname(source), `${match[1]}.ts`));
      if (existsSync(join(repoRoot, ts))) found.push(ts);
    }
  }
  return found;
}

export interface BundledFile {
  readonly source: string;
  /** Path inside the kit. */
  readonly out: string;
  readonly bytes: number;
}

/**
 * Bundles `entries` (repo-relative .ts → kit-relative .mjs) and, transitively, every process entry
 * their sources reference, into `kitDir`.
 */
export async function bundleKit(repoRoot: string, kitDir: string, entries: Readonly<Record<string, string>>): Promise<BundledFile[]> {
  const queue = Object.entries(entries).map(([source, out]) => ({ source, out }));
  const done = new Map<string, BundledFile>();
  while (queue.length > 0) {
    const { source, out } = queue.shift()!;
    if (done.has(source)) continue;
    const result = await build({
      entryPoints: [join(repoRoot, source)],
      outfile: join(kitDir, out),
      absWorkingDir: repoRoot,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      external: KIT_EXTERNALS,
      banner: { js: banner(out) },
      plugins: [kitUrlPlugin(repoRoot)],
      metafile: true,
      logLevel: 'error',
      legalComments: 'none',
    });
    const output = Object.values(result.metafile.outputs)[0]!;
    done.set(source, { source, out, bytes: output.bytes });
    const sources = Object.keys(result.metafile.inputs).map(toPosix);
    for (const entry of await referencedEntries(repoRoot, sources)) {
      if (!done.has(entry)) queue.push({ source: entry, out: entry.replace(/\.ts$/, '.mjs') });
    }
  }
  return [...done.values()];
}
