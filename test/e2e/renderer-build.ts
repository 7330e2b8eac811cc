/**
 * The built renderer the web mode serves: built (the renderer part of electron.vite.config.ts, into
 * out/renderer) when it is missing or older than its sources, so the e2e suite drives the real
 * production page of the code under test.
 */
import { resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';
import config from '../../electron.vite.config.js';
import { upToDate } from '../../src-main/gpu/page/build.js';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');
const SOURCES = ['../../src-renderer', '../../src-main/engine', '../../src-main/contract'].map((dir) => resolve(import.meta.dirname, dir));

let building: Promise<string> | undefined;

export function ensureRendererBuilt(): Promise<string> {
  building ??= (async () => {
    if (upToDate(RENDERER_DIR, SOURCES)) return RENDERER_DIR;
    const renderer = (config as { renderer: InlineConfig }).renderer;
    await build({
      ...renderer,
      configFile: false,
      base: './',
      logLevel: 'warn',
      build: { ...renderer.build, outDir: RENDERER_DIR, emptyOutDir: true, chunkSizeWarningLimit: 2048 },
    });
    return RENDERER_DIR;
  })();
  return building;
}
