/**
 * The one table of backends a Node host offers (the CLI and `mixscope serve`): every kernel in a
 * compute host child process, never on the event loop that serves a socket — the CPU kernels
 * (`js`, `reference`), gpu.js's Node modes and `wgsl` on Dawn, one process per backend, each
 * restarted after a crash — and `gpujs-webgl2` in a headless Chromium compute page where the
 * host may start one. The Electron app has its own table (src-main/app/app-backends.ts).
 */
import type { BackendId } from '../engine/core/backend.js';
import { createJsBackend } from '../engine/backends/js.js';
import { createReferenceBackend } from '../engine/backends/reference.js';
import { gpujsSupport } from '../gpu/gpujs/backend.js';
import { parseDawnRoutes } from '../gpu/node/dawn.js';
import { spawnHostBackend } from '../gpu/node/host-process.js';
import { pageHostedBackend } from '../gpu/page/shared-host.js';
import { WGSL_HOST_ENV, parseWgslHost, startWgslBackend } from '../gpu/page/wgsl-hosts.js';
import type { BackendFactories } from './backend-pool.js';

export type BackendFactory = NonNullable<BackendFactories[BackendId]>;

export interface NodeHostOptions {
  /** Whether this host may launch headless Chromium for the page-hosted backends. */
  readonly pageHost: boolean;
}

export function nodeBackendFactories({ pageHost }: NodeHostOptions): BackendFactories {
  const routes = parseDawnRoutes(process.env['MIXSCOPE_DAWN_ROUTES']);
  const gpujs = (id: 'gpujs-webgpu' | 'gpujs-headlessgl' | 'gpujs-webasm' | 'gpujs-cpu') => async () => spawnHostBackend(id, gpujsSupport, { routes });
  return {
    js: async () => spawnHostBackend('js', createJsBackend().support),
    reference: async () => spawnHostBackend('reference', createReferenceBackend().support),
    'gpujs-webgpu': gpujs('gpujs-webgpu'),
    'gpujs-headlessgl': gpujs('gpujs-headlessgl'),
    'gpujs-webasm': gpujs('gpujs-webasm'),
    'gpujs-cpu': gpujs('gpujs-cpu'),
    // WebGL2 exists only in a browser: the compute page in headless Chromium.
    ...(pageHost ? { 'gpujs-webgl2': () => pageHostedBackend('gpujs-webgl2') } : {}),
    // WGSL kernels in a host process on a Dawn device (MIXSCOPE_DAWN_ROUTES picks the adapter
    // routes), or in the compute page where Dawn has none or MIXSCOPE_WGSL_HOST=page says so.
    wgsl: () => startWgslBackend({ host: parseWgslHost(process.env[WGSL_HOST_ENV]), routes, pageHost }),
  };
}

export function nodeAbsentReason(id: BackendId): string {
  return id === 'gpujs-webgl2' ? 'WebGL2 needs a browser page (the app window or a Chromium test page)' : `${id} is not offered under Node`;
}
