/**
 * The one place the CLI turns backend ids into started backends. A map from id to an async
 * factory: the engine's CPU backends are here; a GPU backend registers its own factory with
 * `registerBackend` (or one line in BACKEND_FACTORIES) and every command can use it.
 */
import { BACKEND_IDS, type Backend, type BackendId } from '../engine/core/backend.js';
import { MixscopeError } from '../engine/core/errors.js';
import { createJsBackend } from '../engine/backends/js.js';
import { createReferenceBackend } from '../engine/backends/reference.js';
import { nodeGpujsBackend } from '../gpu/gpujs/node-host.js';
import { pageHostedBackend } from '../gpu/page/shared-host.js';
import { parseDawnRoutes } from '../gpu/node/dawn.js';
import { spawnWorkerBackend } from '../gpu/node/spawn-worker.js';

export type BackendFactory = () => Promise<Backend>;

const HOST = `node ${process.versions.node}`;

export const BACKEND_FACTORIES = new Map<BackendId, BackendFactory>([
  ['js', async () => createJsBackend({ host: HOST })],
  ['reference', async () => createReferenceBackend({ host: HOST })],
  ['gpujs-webgpu', async () => nodeGpujsBackend('webgpu')],
  ['gpujs-headlessgl', async () => nodeGpujsBackend('headlessgl')],
  ['gpujs-webasm', async () => nodeGpujsBackend('webasm')],
  ['gpujs-cpu', async () => nodeGpujsBackend('cpu')],
  // WebGL2 exists only in a browser: the compute page in headless Chromium.
  ['gpujs-webgl2', () => pageHostedBackend('gpujs-webgl2')],
  // WGSL kernels in a worker thread on a Dawn device; MIXSCOPE_DAWN_ROUTES picks the adapter routes.
  ['wgsl', async () => spawnWorkerBackend({ routes: parseDawnRoutes(process.env['MIXSCOPE_DAWN_ROUTES']) })],
]);

export function registerBackend(id: BackendId, factory: BackendFactory): void {
  BACKEND_FACTORIES.set(id, factory);
}

export function checkBackendId(id: string): BackendId {
  if (!(BACKEND_IDS as readonly string[]).includes(id)) {
    throw new MixscopeError(`unknown backend '${id}' (backends: ${BACKEND_IDS.join(', ')})`, 'unknown-backend');
  }
  if (!BACKEND_FACTORIES.has(id as BackendId)) {
    const here = [...BACKEND_FACTORIES.keys()].join(', ');
    throw new MixscopeError(`backend '${id}' is not available in this command-line build (available: ${here})`, 'backend-unavailable');
  }
  return id as BackendId;
}

/** Starts the backends in the order given; all ids are checked before any is started. */
export async function resolveBackends(ids: readonly string[]): Promise<Backend[]> {
  const checked = ids.map(checkBackendId);
  const started: Backend[] = [];
  try {
    for (const id of checked) started.push(await BACKEND_FACTORIES.get(id)!());
  } catch (err) {
    await Promise.all(started.map((b) => b.dispose()));
    throw err;
  }
  return started;
}

export async function disposeBackends(backends: readonly Backend[]): Promise<void> {
  await Promise.all(backends.map((b) => b.dispose().catch(() => undefined)));
}
