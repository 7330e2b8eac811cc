/**
 * The backends a host offers, started on first use and kept for later sweeps (a GPU worker is
 * slow to start). A backend this host cannot offer at all is still listed, unavailable with the
 * reason, so the probe table and the sweep's point records say why instead of going silent.
 */
import { BACKEND_IDS, type Backend, type BackendId, type BackendProbe, type KernelSupport } from '../engine/core/backend.js';
import { MixscopeError, errorMessage } from '../engine/core/errors.js';
import { proveOnProbe } from '../gpu/node/round-trip.js';

/** Sync or async (the CLI's resolver starts backends asynchronously); a factory that throws yields an unavailable backend with its message. */
export type BackendFactories = Partial<Record<BackendId, () => Backend | Promise<Backend>>>;

function absent(id: BackendId, reason: string, host: string): Backend {
  const unsupported: KernelSupport = { supported: false, fidelity: 'exact', note: reason };
  return {
    id,
    probe: async (): Promise<BackendProbe> => ({ id, available: false, reason, host, dtypes: [] }),
    support: () => unsupported,
    prepare: () => Promise.reject(new MixscopeError(`${id}: ${reason}`, 'backend-unavailable')),
    dispose: async () => undefined,
  };
}

export class BackendPool {
  private readonly started = new Map<BackendId, Promise<Backend>>();

  constructor(
    private readonly factories: BackendFactories,
    /** Where this host runs ('node (mixscope serve)', 'electron main'), for the absent ones' probes. */
    private readonly host: string,
    /** Why an id without a factory is missing here (webgl2 needs a page, ...). */
    private readonly absentReason: (id: BackendId) => string = (id) => `${id} is not offered by this host`,
  ) {}

  get(id: BackendId): Promise<Backend> {
    let backend = this.started.get(id);
    if (!backend) {
      const make = this.factories[id];
      backend = make
        ? Promise.resolve()
            .then(make)
            // Available only after a real round trip through the path sweeps use (round-trip.ts).
            .then((started) => proveOnProbe(started))
            .catch((err: unknown) => absent(id, `${id} did not start: ${errorMessage(err)}`, this.host))
        : Promise.resolve(absent(id, this.absentReason(id), this.host));
      this.started.set(id, backend);
    }
    return backend;
  }

  select(ids: readonly BackendId[]): Promise<Backend[]> {
    return Promise.all(ids.map((id) => this.get(id)));
  }

  all(): Promise<Backend[]> {
    return this.select(BACKEND_IDS);
  }

  async dispose(): Promise<void> {
    const backends = await Promise.all(this.started.values());
    this.started.clear();
    await Promise.allSettled(backends.map((b) => b.dispose()));
  }
}
