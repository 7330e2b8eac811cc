/** Starts the Node compute worker (worker.mjs → worker.ts) and wraps it as a WorkerBackend. */
import { SHARE_ENV, Worker } from 'node:worker_threads';
import type { DawnRoute } from './dawn.js';
import { WorkerBackend, type ComputeHost } from './worker-backend.js';

export interface NodeWorkerOptions {
  /** Dawn routes to try, in order (default: default → SwiftShader Vulkan → llvmpipe). */
  readonly routes?: readonly DawnRoute[];
  readonly memoryBudgetBytes?: number;
}

const WORKER_ENTRY = new URL('./worker.mjs', import.meta.url);

export function startNodeWorker(options: NodeWorkerOptions = {}): ComputeHost {
  // SHARE_ENV: the driver loaders read the real process environment, which the worker's Dawn
  // setup writes (VK_ICD_FILENAMES, EGL_PLATFORM); a private copy would never reach them.
  const worker = new Worker(WORKER_ENTRY, { workerData: { ...options }, env: SHARE_ENV });
  return {
    channel: {
      send: (message, transfer) => worker.postMessage(message, transfer as ArrayBuffer[] | undefined),
      onMessage: (handler) => worker.on('message', handler),
    },
    onExit: (handler) => {
      worker.on('error', (err) => handler(err.message));
      worker.on('exit', (code) => handler(`exit code ${code}`));
    },
    terminate: async () => {
      await worker.terminate();
    },
  };
}

export function spawnWorkerBackend(options: NodeWorkerOptions = {}): WorkerBackend {
  return new WorkerBackend(() => startNodeWorker(options));
}
