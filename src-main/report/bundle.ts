/**
 * The report script: src-renderer/report/entry.ts with ECharts and the chart builders, bundled by
 * vite (library mode) into one minified IIFE, out/report/report.js, that an HTML report inlines.
 * `npm run build` makes it (electron.vite.config.ts); from a source checkout it is rebuilt on
 * demand when missing or older than its sources. The built app has no sources and reads its copy.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MixscopeError, errorMessage } from '../engine/core/errors.js';
import { scriptForInlineElement } from '../engine/report/escape.js';
import type { ReportScript } from '../engine/report/html.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../..');
export const REPORT_SCRIPT_FILE = 'report.js';
/** Where a source checkout builds it. */
export const DEFAULT_REPORT_OUT = join(REPO, 'out/report');
const ENTRY = join(REPO, 'src-renderer/report/entry.ts');
/** Everything the bundle is made of (upToDate compares their newest file with the build). */
const SOURCES = [join(REPO, 'src-renderer/report'), join(REPO, 'src-renderer/charts'), join(REPO, 'src-main/engine')];

/** Newest modification time of the code under `dir` (tests excluded), ms. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.(ts|vue|css)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function upToDate(file: string): boolean {
  if (!existsSync(file)) return false;
  const built = statSync(file).mtimeMs;
  return SOURCES.every((dir) => !existsSync(dir) || newestSource(dir) <= built);
}

/**
 * Builds the report script into `outDir` unless an up-to-date build is there (or `force`). The
 * build goes to a private folder and its file is renamed into place, so processes that build at
 * once (parallel test files on a fresh checkout) never see a half-written or emptied folder.
 */
export async function buildReportScript(outDir = DEFAULT_REPORT_OUT, force = false): Promise<string> {
  const file = join(outDir, REPORT_SCRIPT_FILE);
  if (!force && upToDate(file)) return file;
  const { build } = await import('vite');
  const staging = `${outDir}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      resolve: { alias: { '@engine': join(REPO, 'src-main/engine'), '@contract': join(REPO, 'src-main/contract') } },
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      build: {
        outDir: staging,
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        lib: { entry: ENTRY, formats: ['iife'], name: 'mixscopeReportScript', fileName: () => REPORT_SCRIPT_FILE },
        chunkSizeWarningLimit: 4096,
      },
    });
    await mkdir(outDir, { recursive: true });
    await rename(join(staging, REPORT_SCRIPT_FILE), file);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return file;
}

/** The built app keeps the script beside its main bundle (out/main → out/report). */
function bundledScript(): string | undefined {
  const file = join(HERE, '../report', REPORT_SCRIPT_FILE);
  return existsSync(file) ? file : undefined;
}

let cached: { text: string; sha256: string; file: string; mtimeMs: number } | undefined;

/** The script as an HTML report inlines it, with the hash its CSP names. */
export async function reportScript(): Promise<ReportScript> {
  let file: string;
  try {
    file = existsSync(ENTRY) ? await buildReportScript() : (bundledScript() ?? join(DEFAULT_REPORT_OUT, REPORT_SCRIPT_FILE));
  } catch (err) {
    throw new MixscopeError(`cannot build the report script: ${errorMessage(err)}`, 'io');
  }
  const mtimeMs = existsSync(file) ? statSync(file).mtimeMs : 0;
  if (cached?.file === file && cached.mtimeMs === mtimeMs) return cached;
  let bundle: string;
  try {
    bundle = await readFile(file, 'utf8');
  } catch (err) {
    throw new MixscopeError(`the report script is missing (${file}); run npm run build: ${errorMessage(err)}`, 'io');
  }
  const text = scriptForInlineElement(bundle);
  cached = { text, sha256: createHash('sha256').update(text, 'utf8').digest('base64'), file, mtimeMs };
  return cached;
}
