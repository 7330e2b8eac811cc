/**
 * A backend that lives in the compute page, seen from its host (Node through Playwright, or
 * Electron's main process through a MessagePort): every call goes through `callPage` on the
 * host's transport; prepared kernels stay in the page and are addressed by handle.
 */
import type { Backend, BackendId, BackendProbe, KernelSupport, KernelTiming, PreparedKernel, PrepareRequest, Roofline } from '../../engine/core/backend.js';
import type { Form, Mixer } from '../../engine/core/mixer.js';
import type { DType } from '../../engine/core/tensor.js';
import { callPage, type PageTransport } from './dispatch.js';
import { decodeTensor, encodeTensor, type WireRequest } from './wire.js';

/**
 * Whether a backend of the page runs a form: the host's own tables, or a table the page answered.
 * `offersF16`: the backend's last probe offered float16 (its device has shader-f16).
 */
export type PageSupport = (id: BackendId, mixer: Mixer, form: Form, dtype: DType, offersF16?: boolean) => KernelSupport;

export class PageBackend implements Backend {
  constructor(
    readonly id: BackendId,
    private readonly transport: PageTransport,
    private readonly supportOf: PageSupport,
  ) {}

  /** Whether the last probe offered float16, which only the page's device knows. */
  private offersF16 = false;

  async probe(): Promise<BackendProbe> {
    const probe = await callPage(this.transport, 'probe', this.id);
    this.offersF16 = probe.available && probe.dtypes.includes('float16');
    return probe;
  }

  /** Answered on this side (synchronously, as the runner asks): see PageSupport. */
  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
    return this.supportOf(this.id, mixer, form, dtype, this.offersF16);
  }

  async prepare(request: PrepareRequest): Promise<PreparedKernel> {
    const wire: WireRequest = {
      backend: this.id,
      mixerId: request.mixer.id,
      formId: request.form.id,
      inputs: Object.fromEntries(Object.entries(request.inputs).map(([name, t]) => [name, encodeTensor(t)])),
      params: request.params,
      dtype: request.dtype,
      ...(request.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: request.memoryBudgetBytes }),
    };
    const p = await callPage(this.transport, 'prepare', wire);
    return {
      compileMs: p.compileMs,
      uploadMs: p.uploadMs,
      allocatedBytes: p.allocatedBytes,
      auxiliaryBytes: p.auxiliaryBytes,
      ...(p.kernelConfig ? { kernelConfig: p.kernelConfig } : {}),
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
