/**
 * The one table of backends a Node host offers, used by the CLI, `mixscope serve` and the
 * Electron main process: the CPU ones in-process, `wgsl` in the compute worker (Dawn, off the
 * event loop), gpu.js's Node modes, and `gpujs-webgl2` in a headless Chromium compute page where
 * the host may start one. The Electron app replaces the worker and page hosts with its own.
 */
import type { BackendId } from '../engine/core/backend.js';
import { createJsBackend } from '../engine/backends/js.js';
import { createReferenceBackend } from '../engine/backends/reference.js';
import { nodeGpujsBackend } from '../gpu/gpujs/node-host.js';
import { parseDawnRoutes } from '../gpu/node/dawn.js';
import { pageHostedBackend } from '../gpu/page/shared-host.js';
import { WGSL_HOST_ENV, parseWgslHost, startWgslBackend } from '../gpu/page/wgsl-hosts.js';
import type { BackendFactories } from './backend-pool.js';

export type BackendFactory = NonNullable<BackendFactories[BackendId]>;

export interface NodeHostOptions {
  /** Names the host in probes and point records, e.g. 'node 20.20.2'. */
  readonly host: string;
  /** Whether this host may launch headless Chromium for the page-hosted backends. */
  readonly pageHost: boolean;
}

export function nodeBackendFactories({ host, pageHost }: NodeHostOptions): BackendFactories {
  return {
    js: async () => createJsBackend({ host }),
    reference: async () => createReferenceBackend({ host }),
    'gpujs-webgpu': async () => nodeGpujsBackend('webgpu'),
    'gpujs-headlessgl': async () => nodeGpujsBackend('headlessgl'),
    'gpujs-webasm': async () => nodeGpujsBackend('webasm'),
    'gpujs-cpu': async () => nodeGpujsBackend('cpu'),
    // WebGL2 exists only in a browser: the compute page in headless Chromium.
    ...(pageHost ? { 'gpujs-webgl2': () => pageHostedBackend('gpujs-webgl2') } : {}),
    // WGSL kernels in a worker thread on a Dawn device (MIXSCOPE_DAWN_ROUTES picks the adapter
    // routes), or in the compute page where Dawn has none or MIXSCOPE_WGSL_HOST=page says so.
    wgsl: () => startWgslBackend({ host: parseWgslHost(process.env[WGSL_HOST_ENV]), routes: parseDawnRoutes(process.env['MIXSCOPE_DAWN_ROUTES']), pageHost }),
  };
}

export function nodeAbsentReason(id: BackendId): string {
  return id === 'gpujs-webgl2' ? 'WebGL2 needs a browser page (the app window or a Chromium test page)' : `${id} is not offered under Node`;
}
