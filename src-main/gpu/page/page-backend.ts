/**
 * A backend that lives in the compute page, seen from its host (Node through Playwright, or
 * Electron's main process through a MessagePort): every call goes through `callPage` on the
 * host's transport; prepared kernels stay in the page and are addressed by handle.
 */
import type { Backend, BackendId, BackendProbe, KernelSupport, KernelTiming, PreparedKernel, PrepareRequest, Roofline } from '../../engine/core/backend.js';
import type { Form, Mixer } from '../../engine/core/mixer.js';
import type { DType } from '../../engine/core/tensor.js';
import { gpujsSupport } from '../gpujs/backend.js';
import { wgslSupport } from '../wgsl/backend.js';
import { callPage, type PageTransport } from './dispatch.js';
import { decodeTensor, encodeTensor, type WireRequest } from './wire.js';

export class PageBackend implements Backend {
  constructor(
    readonly id: BackendId,
    private readonly transport: PageTransport,
  ) {}

  async probe(): Promise<BackendProbe> {
    return callPage(this.transport, 'probe', this.id);
  }

  /** Computed here, not in the page: the kernel tables are the same modules on both sides. */
  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
    if (this.id === 'wgsl') return wgslSupport(mixer, form, dtype);
    if (this.id.startsWith('gpujs-')) return gpujsSupport(mixer, form, dtype);
    return { supported: false, fidelity: 'exact', note: `${this.id} does not run in the compute page` };
  }

  async prepare(request: PrepareRequest): Promise<PreparedKernel> {
    const wire: WireRequest = {
      backend: this.id,
      mixerId: request.mixer.id,
      formId: request.form.id,
      inputs: Object.fromEntries(Object.entries(request.inputs).map(([name, t]) => [name, encodeTensor(t)])),
      params: request.params,
      dtype: request.dtype,
    };
    const p = await callPage(this.transport, 'prepare', wire);
    return {
      compileMs: p.compileMs,
      uploadMs: p.uploadMs,
      allocatedBytes: p.allocatedBytes,
      auxiliaryBytes: p.auxiliaryBytes,
      run: (): Promise<KernelTiming> => callPage(this.transport, 'run', p.handle),
      read: async () => {
        const { output, readbackMs } = await callPage(this.transport, 'read', p.handle);
        return { output: decodeTensor(output), readbackMs };
      },
      release: () => {
        if (!this.transport.isClosed()) void callPage(this.transport, 'release', p.handle).catch(() => undefined);
      },
    };
  }

  calibrate(dtype: DType): Promise<Roofline> {
    return callPage(this.transport, 'calibrate', this.id, dtype);
  }

  reset(): Promise<void> {
    return callPage(this.transport, 'reset', this.id);
  }

  async dispose(): Promise<void> {
    // The page, and every backend in it, closes with its host (PageHost or the compute window).
  }
}
