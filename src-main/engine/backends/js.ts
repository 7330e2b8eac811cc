/**
 * The `js` backend: each form's own CPU kernel (Form.run) on the main thread, in float64 or
 * float32 storage. Nothing is compiled; the first call (JIT warm-up) is reported as compileMs.
 *
 * allocatedBytes is the form's cost-model peak (MIXERS.md, "Memory and bottleneck conventions")
 * at the dtype, NOT a measurement: JavaScript exposes no per-call allocation count, and the
 * engine is pure (no process.memoryUsage), so for this backend "allocated" equals "modelled".
 */
import type { Backend, BackendProbe, KernelSupport, PrepareRequest, PreparedKernel } from '../core/backend.js';
import { MixscopeError } from '../core/errors.js';
import type { Inputs } from '../core/mixer.js';
import { BYTES_PER_ELEMENT, cast, type Tensor } from '../core/tensor.js';
import { inferDims } from '../core/validate.js';
import { calibrateCpu } from './calibrate.js';
import { performanceClock, type Clock } from './clock.js';

export interface CpuBackendOptions {
  /** Where it runs, for the record: 'node', 'electron main', 'page (Chromium)'. */
  readonly host?: string;
  /**
   * The clock of every timing (samples, compile, upload, calibration). A Node host passes its
   * process CPU clock: the kernels are single-threaded, so CPU time is their run time without the
   * waits for a core that other processes on a shared machine cause.
   */
  readonly now?: Clock;
}

export function castInputs(inputs: Inputs, dtype: PrepareRequest['dtype']): Inputs {
  const out: Record<string, Tensor> = {};
  for (const [name, t] of Object.entries(inputs)) out[name] = cast(t, dtype);
  return out;
}

export function createJsBackend(options: CpuBackendOptions = {}): Backend {
  const now = options.now ?? performanceClock;
  const host = options.host ?? 'js main thread';
  return {
    id: 'js',
    async probe(): Promise<BackendProbe> {
      return { id: 'js', available: true, host, dtypes: ['float64', 'float32'] };
    },
    support(_mixer, _form, dtype): KernelSupport {
      if (dtype === 'float16') return { supported: false, fidelity: 'exact', note: 'the CPU kernels compute in float64 or float32; float16 is the wgsl backend\'s f16 storage' };
      return { supported: true, fidelity: 'exact' };
    },
    async prepare({ mixer, form, inputs, params, dtype }: PrepareRequest): Promise<PreparedKernel> {
      if (dtype === 'float16') throw new MixscopeError('js: the CPU kernels compute in float64 or float32, not float16', 'unsupported');
      const t0 = now();
      const local = castInputs(inputs, dtype);
      const uploadMs = now() - t0;
      const dims = inferDims(mixer, inputs);
      const allocatedBytes = form.cost(dims, params).peakElements * BYTES_PER_ELEMENT[dtype];
      const t1 = now();
      let output = form.run(local, params, dtype);
      const compileMs = now() - t1;
      return {
        compileMs,
        uploadMs,
        allocatedBytes,
        async run() {
          const start = now();
          output = form.run(local, params, dtype);
          return { wallMs: now() - start };
        },
        async read() {
          return { output, readbackMs: 0 };
        },
        release() {},
      };
    },
    /** The roof on this backend's own clock and thread: the forms' matmul, best over sizes (calibrate.ts). */
    async calibrate(dtype) {
      const { peakMatmulGflops, copyGBs } = calibrateCpu('js', dtype, { now });
      return { peakMatmulGflops, copyGBs };
    },
    async dispose() {},
  };
}

