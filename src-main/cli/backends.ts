/**
 * The one place the CLI turns backend ids into started backends: the Node host's factory table
 * (src-main/services/node-backends.ts), which tests may extend with `registerBackend`.
 */
import { BACKEND_IDS, type Backend, type BackendId } from '../engine/core/backend.js';
import { MixscopeError } from '../engine/core/errors.js';
import { proveOnProbe } from '../gpu/node/round-trip.js';
import { nodeBackendFactories, type BackendFactory } from '../services/node-backends.js';

/** Each backend's probe proves its route with a round trip (gpu/node/round-trip.ts). */
export const BACKEND_FACTORIES = new Map(
  (Object.entries(nodeBackendFactories({ pageHost: true })) as [BackendId, BackendFactory][]).map(([id, make]) => [id, async () => proveOnProbe(await make())]),
);

export function registerBackend(id: BackendId, factory: BackendFactory): void {
  BACKEND_FACTORIES.set(id, async () => proveOnProbe(await factory()));
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
