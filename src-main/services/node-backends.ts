/**
 * The backends a plain Node host offers (`mixscope serve`): the CPU ones in-process, `wgsl` in
 * the compute worker (Dawn, off the event loop), and gpu.js's Node modes. `gpujs-webgl2` needs a
 * browser page. The Electron app swaps in its own `wgsl` host (a utility process).
 */
import type { BackendId } from '../engine/core/backend.js';
import { createJsBackend } from '../engine/backends/js.js';
import { createReferenceBackend } from '../engine/backends/reference.js';
import { GPUJS_BACKEND_IDS } from '../gpu/gpujs/backend.js';
import { nodeGpujsBackends } from '../gpu/gpujs/node-host.js';
import { spawnWorkerBackend } from '../gpu/node/spawn-worker.js';
import type { BackendFactories } from './backend-pool.js';

export function nodeBackendFactories(host: string): BackendFactories {
  const factories: BackendFactories = {
    js: () => createJsBackend({ host }),
    reference: () => createReferenceBackend({ host }),
    wgsl: () => spawnWorkerBackend(),
  };
  // One set of gpu.js instances, made when the first of them is asked for.
  let gpujs: ReturnType<typeof nodeGpujsBackends> | undefined;
  for (const mode of ['webgpu', 'headlessgl', 'webasm', 'cpu'] as const) {
    factories[GPUJS_BACKEND_IDS[mode]] = () => {
      gpujs ??= nodeGpujsBackends();
      const backend = gpujs.find((b) => b.id === GPUJS_BACKEND_IDS[mode]);
      if (!backend) throw new Error(`gpu.js offers no ${mode} backend under Node`);
      return backend;
    };
  }
  return factories;
}

export function nodeAbsentReason(id: BackendId): string {
  return id === 'gpujs-webgl2' ? 'WebGL2 needs a browser page (the app window or a Chromium test page)' : `${id} is not offered under Node`;
}
