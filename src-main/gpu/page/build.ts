/**
 * Bundles the compute page with vite into a self-contained folder (gpu.js and the engine
 * included: the page is served offline, never from a CDN).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PAGE_DIR = dirname(fileURLToPath(import.meta.url));
export const DEFAULT_PAGE_OUT = resolve(PAGE_DIR, '../../../out/compute-page');

/** The folders whose code the page bundles (src-main/engine and src-main/gpu). */
const SOURCES = [resolve(PAGE_DIR, '../../engine'), resolve(PAGE_DIR, '..')];

/** Newest modification time of the sources under `dir` (code, markup, styles), ms. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|html|vue|css)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether `outDir` holds a build at least as new as every source it bundles. */
export function upToDate(outDir: string, sources: readonly string[] = SOURCES): boolean {
  const index = join(outDir, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return sources.every((dir) => !existsSync(dir) || newestSource(dir) <= built);
}

/** Builds into `outDir` unless an up-to-date build is already there (or `force`); returns the folder. */
export async function buildComputePage(outDir = DEFAULT_PAGE_OUT, force = false): Promise<string> {
  if (!force && upToDate(outDir)) return outDir;
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
