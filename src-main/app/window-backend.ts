/**
 * A GPU backend of the hidden compute window as the app's pool holds it: every call goes to the
 * backend of the window open now, so after the window's renderer crashed (the point in flight
 * says 'host-crashed') the next call opens a new window and the sweep goes on. What the page
 * supports is asked once per window, since main loads no kernel table.
 */
import type { Backend, BackendId, BackendProbe, KernelSupport, PrepareRequest, PreparedKernel, Roofline } from '../engine/core/backend.js';
import { errorMessage } from '../engine/core/errors.js';
import type { Form, Mixer } from '../engine/core/mixer.js';
import { DTYPES, type DType } from '../engine/core/tensor.js';
import { MIXERS } from '../engine/registry.js';
import { supportKey, type SupportTable } from '../gpu/node/protocol.js';
import { callPage, type PageTransport } from '../gpu/page/dispatch.js';
import { COMPUTE_WINDOW_HOST } from '../gpu/page/lent-tuning.js';

export const WINDOW_HOST_LABEL = COMPUTE_WINDOW_HOST;

/** Every mixer/form at both dtypes, for each backend the page offers: `id` → table. */
export async function pageSupportTables(transport: PageTransport, ids: readonly BackendId[]): Promise<Map<BackendId, SupportTable>> {
  const tables = new Map<BackendId, SupportTable>();
  for (const id of ids) {
    const entries = MIXERS.flatMap((mixer) =>
      mixer.forms.flatMap((form) =>
        DTYPES.map(async (dtype) => [supportKey(mixer.id, form.id, dtype), await callPage(transport, 'support', id, mixer.id, form.id, dtype)] as const),
      ),
    );
    tables.set(id, Object.fromEntries(await Promise.all(entries)));
  }
  return tables;
}

export class WindowBackend implements Backend {
  private last: Backend | undefined;

  constructor(
    readonly id: BackendId,
    /** The backend of the window open now (opening one if none is). */
    private readonly current: () => Promise<Backend>,
  ) {}

  private async now(): Promise<Backend> {
    this.last = await this.current();
    return this.last;
  }

  async probe(): Promise<BackendProbe> {
    try {
      return await (await this.now()).probe();
    } catch (err) {
      return { id: this.id, available: false, reason: errorMessage(err), host: WINDOW_HOST_LABEL, dtypes: [] };
    }
  }

  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
    return this.last?.support(mixer, form, dtype) ?? { supported: false, fidelity: 'exact', note: 'the compute window has not been probed yet' };
  }

  async prepare(request: PrepareRequest): Promise<PreparedKernel> {
    return (await this.now()).prepare(request);
  }

  async calibrate(dtype: DType): Promise<Roofline> {
    const backend = await this.now();
    if (!backend.calibrate) throw new Error(`${this.id} has no calibration`);
    return backend.calibrate(dtype);
  }

  /** A new window already has a new device; the same window is asked for one. */
  async reset(): Promise<void> {
    const before = this.last;
    const backend = await this.now();
    if (backend === before) await backend.reset?.();
  }

  async dispose(): Promise<void> {
    // The window belongs to ComputeWindowHost, which closes it.
  }
}
