/**
 * The app's backend table: the Node host's CPU and gpu.js modes in main, `gpujs-webgl2` in the
 * hidden compute window (WebGL2 needs a browser), and `wgsl` on Dawn in the utility process, or
 * on the compute window's WebGPU where Dawn does not load or finds no adapter.
 */
import type { BackendFactories } from '../services/backend-pool.js';
import { nodeBackendFactories } from '../services/node-backends.js';
import { firstAvailableWgsl } from '../gpu/page/wgsl-hosts.js';
import type { Backend } from '../engine/core/backend.js';

export interface AppBackendOptions {
  /** Names main in probes and point records ('electron main'). */
  readonly host: string;
  /** Starts `wgsl` in the utility process (compute-host.ts). */
  readonly utilityWgsl: () => Backend;
  /** A backend of the hidden compute window, by id (ComputeWindowHost.backend). */
  readonly windowBackend: (id: 'wgsl' | 'gpujs-webgl2') => Promise<Backend>;
}

export function appBackendFactories({ host, utilityWgsl, windowBackend }: AppBackendOptions): BackendFactories {
  return {
    ...nodeBackendFactories({ host, pageHost: false }),
    'gpujs-webgl2': () => windowBackend('gpujs-webgl2'),
    wgsl: () =>
      firstAvailableWgsl([
        { label: 'electron-utility (Dawn)', start: utilityWgsl },
        { label: 'compute window (Electron)', start: () => windowBackend('wgsl') },
      ]),
  };
}
