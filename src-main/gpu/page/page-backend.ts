/**
 * A backend that lives in the compute page, seen from Node: every call is forwarded to the page's
 * API; prepared kernels stay in the page and are addressed by handle.
 */
import type { Page } from 'playwright-core';
import type { Backend, BackendId, BackendProbe, KernelSupport, KernelTiming, PreparedKernel, PrepareRequest } from '../../engine/core/backend.js';
import { DeviceLostError, MixscopeError, errorMessage } from '../../engine/core/errors.js';
import type { Form, Mixer } from '../../engine/core/mixer.js';
import type { DType } from '../../engine/core/tensor.js';
import { gpujsSupport } from '../gpujs/backend.js';
import type { PageApi } from './api.js';
import { decodeTensor, encodeTensor, PAGE_API, type WireRequest } from './wire.js';

type Method = keyof PageApi;

export class PageBackend implements Backend {
  constructor(
    readonly id: BackendId,
    private readonly page: Page,
  ) {}

  private async call<M extends Method>(method: M, ...args: Parameters<PageApi[M]>): Promise<Awaited<ReturnType<PageApi[M]>>> {
    if (this.page.isClosed()) throw new DeviceLostError(`${this.id}: the compute page is closed`);
    try {
      return (await this.page.evaluate(
        ([name, m, a]) => {
          const api = (window as unknown as Record<string, Record<string, (...x: unknown[]) => unknown>>)[name]!;
          return api[m]!(...a);
        },
        [PAGE_API, method, args] as [string, string, unknown[]],
      )) as Awaited<ReturnType<PageApi[M]>>;
    } catch (err) {
      // The page's MixscopeError arrives as a plain Error; keep its one line for the user.
      const line = errorMessage(err).split('\n')[0]!.replace(/^page\.evaluate: (Error: )?/, '');
      throw new MixscopeError(`${this.id} (page): ${line}`, 'backend-unavailable');
    }
  }

  async probe(): Promise<BackendProbe> {
    return this.call('probe', this.id);
  }

  /** Computed here, not in the page: the gpu.js kernel table is the same module on both sides. */
  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
    if (!this.id.startsWith('gpujs-')) return { supported: false, fidelity: 'exact', note: `${this.id} in the page is not wired yet` };
    return gpujsSupport(mixer, form, dtype);
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
    const p = await this.call('prepare', wire);
    return {
      compileMs: p.compileMs,
      uploadMs: p.uploadMs,
      allocatedBytes: p.allocatedBytes,
      run: (): Promise<KernelTiming> => this.call('run', p.handle),
      read: async () => {
        const { output, readbackMs } = await this.call('read', p.handle);
        return { output: decodeTensor(output), readbackMs };
      },
      release: () => {
        if (!this.page.isClosed()) void this.call('release', p.handle).catch(() => undefined);
      },
    };
  }

  async dispose(): Promise<void> {
    // The page, and every backend in it, closes with its PageHost.
  }
}
