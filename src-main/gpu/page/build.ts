/**
 * Bundles the compute page with vite into a self-contained folder (gpu.js and the engine
 * included: the page is served offline, never from a CDN).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGE_DIR = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_PAGE_OUT = resolve(PAGE_DIR, '../../../out/compute-page');

/** Builds into `outDir` unless a build is already there (or `force`); returns the folder. */
export async function buildComputePage(outDir = DEFAULT_PAGE_OUT, force = false): Promise<string> {
  if (!force && existsSync(join(outDir, 'index.html'))) return outDir;
  const { build } = await import('vite');
  await build({
    root: PAGE_DIR,
    base: './',
    configFile: false,
    logLevel: 'warn',
    // Not minified: gpu.js transpiles kernel functions from their source text, and a minifier's
    // reuse of short names across nested scopes breaks that translation (cpu backend: TDZ errors).
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false, chunkSizeWarningLimit: 4096 },
  });
  return outDir;
}
