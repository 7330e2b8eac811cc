/**
 * The Node compute worker: a worker thread that hosts the `wgsl` backend on a Dawn device, so that
 * kernels never run on the main (or UI) thread. Started by `spawnWorkerBackend` through worker.mjs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WgslBackend } from '../wgsl/backend.js';
import { DAWN_ROUTES, createDawnDevice, dawnHostLabel, type DawnRoute } from './dawn.js';
import type { HostChannel } from './protocol.js';
import { fileShaderLoader } from './shader-files.js';
import { serveBackend } from './wgsl-host.js';

interface WorkerOptions {
  readonly routes?: readonly DawnRoute[];
  readonly memoryBudgetBytes?: number;
}

const options = (workerData ?? {}) as WorkerOptions;
const routes = options.routes ?? DAWN_ROUTES;
const port = parentPort!;

const channel: HostChannel = {
  send: (message, transfer) => port.postMessage(message, transfer as ArrayBuffer[] | undefined),
  onMessage: (handler) => port.on('message', handler),
};

serveBackend(
  channel,
  async () => {
    const dawn = await createDawnDevice(routes);
    const host = dawnHostLabel(dawn.route, 'node-worker');
    const backend = new WgslBackend({
      device: dawn.device,
      loadShader: fileShaderLoader(),
      host,
      // A new device from the same route that worked.
      recreateDevice: async () => (await createDawnDevice([dawn.route])).device,
      ...(options.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: options.memoryBudgetBytes }),
    });
    return { backend, host };
  },
  dawnHostLabel(routes[0] ?? 'default', 'node-worker'),
);
