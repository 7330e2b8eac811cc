/**
 * `gpujs-*` backends: one gpu.js mode each, behind the engine's Backend interface. The gpu.js
 * instance is given (a host made it: Node, or a page) or made here on first probe.
 */
import type { Backend, BackendId, BackendProbe, KernelSupport, PreparedKernel, PrepareRequest, Roofline } from '../../engine/core/backend.js';
import { MixscopeError } from '../../engine/core/errors.js';
import type { DType } from '../../engine/core/tensor.js';
import type { Form, Mixer } from '../../engine/core/mixer.js';
import type { GpujsInstance, GpujsMode } from './gpujs.js';
import { calibrateGpujs } from './calibrate.js';
import { gpujsForm } from './kernels/index.js';
import { probeMode, type ModeProbe } from './probe.js';
import { preparePlan } from './runner.js';

export const GPUJS_BACKEND_IDS: Record<GpujsMode, BackendId> = {
  webgpu: 'gpujs-webgpu',
  webgl2: 'gpujs-webgl2',
  headlessgl: 'gpujs-headlessgl',
  webasm: 'gpujs-webasm',
  cpu: 'gpujs-cpu',
};

/** Whether gpu.js has a kernel for this form, how faithful it is, and in which dtype (float32 only). */
export function gpujsSupport(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
  const kernels = gpujsForm(mixer.id, form.id);
  if (!kernels) return { supported: false, fidelity: 'exact', note: `no gpu.js kernel for ${mixer.id} ${form.id} yet` };
  if (dtype !== 'float32') return { supported: false, fidelity: kernels.fidelity, note: 'gpu.js computes in float32 only' };
  return { supported: true, fidelity: kernels.fidelity, ...(kernels.note ? { note: kernels.note } : {}) };
}

export class GpujsBackend implements Backend {
  readonly id: BackendId;
  private probed?: Promise<ModeProbe>;

  /**
   * `host` names where it runs ('node', 'page (Chromium)'); `prelude` readies the host (a
   * navigator.gpu, an X display); `software` says, after the prelude, whether the host renders in
   * software whatever the driver calls itself (headless-gl on a private Xvfb names only 'ANGLE').
   */
  constructor(
    readonly mode: GpujsMode,
    private readonly options: { gpu?: GpujsInstance; host?: string; prelude?: () => Promise<void>; software?: () => boolean } = {},
  ) {
    this.id = GPUJS_BACKEND_IDS[mode];
  }

  private probeOnce(): Promise<ModeProbe> {
    this.probed ??= (async () => {
      try {
        await this.options.prelude?.();
      } catch (err) {
        return { ok: false as const, reason: err instanceof Error ? err.message : String(err) };
      }
      return probeMode(this.mode, this.options.gpu);
    })();
    return this.probed;
  }

  async probe(): Promise<BackendProbe> {
    const p = await this.probeOnce();
    const host = this.options.host ?? 'node';
    if (!p.ok) return { id: this.id, available: false, reason: p.reason, host, dtypes: [] };
    return {
      id: this.id,
      available: true,
      host,
      dtypes: ['float32'],
      ...(p.adapter ? { adapter: this.options.software?.() ? { ...p.adapter, software: true } : p.adapter } : {}),
      ...(p.limits ? { limits: p.limits } : {}),
    };
  }

  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
    return gpujsSupport(mixer, form, dtype);
  }

  async prepare(request: PrepareRequest): Promise<PreparedKernel> {
    const support = this.support(request.mixer, request.form, request.dtype);
    if (!support.supported) {
      throw new MixscopeError(`${this.id} cannot run ${request.mixer.id} ${request.form.id}: ${support.note}`, 'unsupported');
    }
    const p = await this.probeOnce();
    if (!p.ok) throw new MixscopeError(`${this.id} is unavailable: ${p.reason}`, 'backend-unavailable');
    return preparePlan(p.gpu, gpujsForm(request.mixer.id, request.form.id)!, request);
  }

  /** The matmul and copy rates of this mode on its own device (calibrate.ts); gpu.js has float32 only. */
  async calibrate(dtype: DType): Promise<Roofline> {
    if (dtype !== 'float32') throw new MixscopeError(`${this.id} cannot calibrate in ${dtype}: gpu.js computes in float32 only`, 'unsupported');
    const p = await this.probeOnce();
    if (!p.ok) throw new MixscopeError(`${this.id} is unavailable: ${p.reason}`, 'backend-unavailable');
    return calibrateGpujs(p.gpu);
  }

  async dispose(): Promise<void> {
    const p = this.probed ? await this.probed : undefined;
    this.probed = undefined;
    if (p?.ok && !this.options.gpu) await p.gpu.destroy();
  }
}
