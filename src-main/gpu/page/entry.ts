/**
 * Entry of the compute page (a hidden window in the app, headless Chromium for the CLI and tests):
 * the backends a browser offers — gpu.js's modes and `wgsl` on Chromium's own WebGPU — answered
 * to Playwright through `window.mixscopeCompute` and to the app through a MessagePort.
 */
import { GpujsBackend } from '../gpujs/backend.js';
import { createPageApi } from './api.js';
import { answerPageCall, type PageCall } from './dispatch.js';
import { COMPUTE_WINDOW_HOST, TUNING_BRIDGE, lentTuningCache, type TuningBridge } from './lent-tuning.js';
import { PageWgslBackend, fetchShaderLoader } from './page-wgsl.js';
import { servePageApi } from './port-transport.js';
import { COMPUTE_PORT, PAGE_API } from './wire.js';

// Electron's hidden window and headless Chromium run the same page; probes say which.
const host = /\bElectron\//.test(navigator.userAgent) ? COMPUTE_WINDOW_HOST : 'page (Chromium)';
// The app's window keeps the autotuner's choices in main's cache (its preload lends it); headless Chromium keeps none.
const lent = (window as unknown as Partial<Record<typeof TUNING_BRIDGE, TuningBridge>>)[TUNING_BRIDGE];
const api = createPageApi([
  new PageWgslBackend(navigator.gpu, fetchShaderLoader(document.baseURI), host, lent ? lentTuningCache(lent) : undefined),
  new GpujsBackend('webgl2', { host }),
  new GpujsBackend('webgpu', { host }),
  new GpujsBackend('webasm', { host }),
  new GpujsBackend('cpu', { host }),
]);

Object.assign(window, { [PAGE_API]: { answer: (call: PageCall) => answerPageCall(api, call) } });

// The app's preload forwards the port main sent; only a message from this window itself counts.
window.addEventListener('message', (event: MessageEvent) => {
  const port = event.ports[0];
  if (event.source !== window || event.data !== COMPUTE_PORT || !port) return;
  servePageApi({ post: (message) => port.postMessage(message), onMessage: (handler) => (port.onmessage = (e) => handler(e.data)) }, api);
});

document.title = 'mixscope compute page (ready)';
