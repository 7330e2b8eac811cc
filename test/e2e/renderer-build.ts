/**
 * The built renderer the web mode serves: built once (the renderer part of electron.vite.config.ts,
 * into out/renderer) when it is missing, so the e2e suite drives the real production page.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type InlineConfig } from 'vite';
import config from '../../electron.vite.config.js';

export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer');

let building: Promise<string> | undefined;

export function ensureRendererBuilt(): Promise<string> {
  building ??= (async () => {
    if (existsSync(resolve(RENDERER_DIR, 'index.html'))) return RENDERER_DIR;
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
