/**
 * Entry of the app's CPU host, a utility process (built to out/main/compute-host.js): serves the
 * one CPU backend named in argv (`js`, `reference`, gpu.js `cpu` or `webasm`) over
 * `process.parentPort`, with the compute-host protocol of src-main/gpu/node. Pure JavaScript and
 * WebAssembly: no native module is loaded here (see below), so nothing needs rebuilding for
 * Electron and a kernel can never freeze a window or the main process.
 */
import Module from 'node:module';
import type { BackendId } from '../engine/core/backend.js';
import { MixscopeError } from '../engine/core/errors.js';
import type { HostedBackend } from '../gpu/node/serve-backend.js';
import type { HostChannel } from '../gpu/node/protocol.js';
import { processCpuClock } from '../gpu/node/cpu-clock.js';
import { warmAllocator } from '../gpu/node/cpu-host-env.js';
import { serveBackend } from '../gpu/node/serve-backend.js';
import { utilityHostLabel } from './cpu-host-label.js';

// gpu.js tries `require('gl')` (headless-gl, a native module) when it loads; this host offers only
// its CPU and WASM modes, so the attempt is refused and gpu.js carries on without it.
const moduleLoader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = moduleLoader._load;
moduleLoader._load = function (request: string, ...rest: unknown[]) {
  if (request === 'gl') throw new Error('the CPU host loads no native module');
  return load.call(this, request, ...rest);
};

const id = process.argv[2] as BackendId;
const port = process.parentPort;
const host = utilityHostLabel(id);

async function makeBackend(): Promise<HostedBackend> {
  warmAllocator();
  switch (id) {
    case 'js':
      return { backend: (await import('../engine/backends/js.js')).createJsBackend({ host, now: processCpuClock }), host };
    case 'reference':
      return { backend: (await import('../engine/backends/reference.js')).createReferenceBackend({ host }), host };
    case 'gpujs-cpu':
    case 'gpujs-webasm': {
      const { GpujsBackend } = await import('../gpu/gpujs/backend.js');
      return { backend: new GpujsBackend(id === 'gpujs-cpu' ? 'cpu' : 'webasm', { host }), host };
    }
    default:
      throw new MixscopeError(`the CPU host does not serve '${id}'`, 'backend-unavailable');
  }
}

const channel: HostChannel = {
  send: (message) => port.postMessage(message),
  onMessage: (handler) => port.on('message', (event) => handler(event.data)),
};

serveBackend(channel, makeBackend, { id, host });
