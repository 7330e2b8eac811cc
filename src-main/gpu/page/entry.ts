/**
 * Entry of the compute page (a hidden window in the app, headless Chromium for the CLI and tests):
 * the gpu.js backends a browser offers, exposed on `window` for the host.
 */
import { GpujsBackend } from '../gpujs/backend.js';
import { createPageApi } from './api.js';
import { PAGE_API } from './wire.js';

const host = 'page (Chromium)';
const backends = [
  new GpujsBackend('webgl2', { host }),
  new GpujsBackend('webgpu', { host }),
  new GpujsBackend('webasm', { host }),
  new GpujsBackend('cpu', { host }),
];

Object.assign(window, { [PAGE_API]: createPageApi(backends) });
document.title = 'mixscope compute page (ready)';
