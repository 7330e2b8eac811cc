/**
 * The gpu.js backends a Node process offers: webgpu through Dawn (gpu.js finds its device at
 * `navigator.gpu`, so Node gets one backed by the Dawn adapter route that worked), headlessgl
 * (needs an X display), webasm and cpu. webgl2 needs a browser: see src-main/gpu/page.
 */
import { availableParallelism } from 'node:os';
import { findDawnAdapter, type DawnRoute } from '../node/dawn.js';
import { GpujsBackend } from './backend.js';
import type { GpujsMode } from './gpujs.js';
import { ensureXDisplay } from './x-display.js';

let installed: Promise<DawnRoute> | undefined;

/**
 * Gives Node a `navigator.gpu` whose adapters come from the Dawn route that worked (with its
 * feature level: the OpenGL ES route only offers 'compatibility'). Idempotent.
 */
export function installDawnNavigator(): Promise<DawnRoute> {
  installed ??= (async () => {
    const found = await findDawnAdapter();
    const featureLevel = found.route === 'opengles-llvmpipe' ? 'compatibility' : 'core';
    const gpu = {
      requestAdapter: (options?: GPURequestAdapterOptions) => found.gpu.requestAdapter({ ...options, featureLevel }),
      getPreferredCanvasFormat: (): GPUTextureFormat => 'rgba8unorm',
      wgslLanguageFeatures: found.gpu.wgslLanguageFeatures,
    };
    const existing = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
    const navigator = { hardwareConcurrency: existing?.hardwareConcurrency ?? availableParallelism(), gpu };
    Object.defineProperty(globalThis, 'navigator', { value: navigator, configurable: true, writable: true });
    return found.route;
  })();
  installed.catch(() => (installed = undefined));
  return installed;
}

/** Whether headless-gl draws on an Xvfb started here (software GL, whatever ANGLE reports). */
let onVirtualDisplay = false;

/** headless-gl needs an X display on Linux: the current one, or a private Xvfb started here. */
async function requireDisplay(): Promise<void> {
  if (process.platform !== 'linux') return;
  const display = await ensureXDisplay();
  if (!display) throw new Error('headless-gl needs an X display: DISPLAY is unset and Xvfb is not installed');
  onVirtualDisplay = display.virtual;
}

/** One Node-hosted gpu.js backend (the CLI's resolver starts them one by one). */
export function nodeGpujsBackend(mode: Exclude<GpujsMode, 'webgl2'>): GpujsBackend {
  return nodeGpujsBackends().find((b) => b.mode === mode)!;
}

/** The Node-hosted gpu.js backends, in preference order. */
export function nodeGpujsBackends(): GpujsBackend[] {
  let route: DawnRoute | undefined;
  return [
    new GpujsBackend('webgpu', {
      get host() {
        return route ? `node (Dawn, ${route})` : 'node (Dawn)';
      },
      prelude: async () => {
        route = await installDawnNavigator();
      },
    }),
    new GpujsBackend('headlessgl', { host: 'node (headless-gl)', prelude: requireDisplay, software: () => onVirtualDisplay }),
    new GpujsBackend('webasm', { host: 'node' }),
    new GpujsBackend('cpu', { host: 'node' }),
  ];
}
