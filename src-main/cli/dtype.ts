/**
 * Whether a run's dtype is offered by one of its backends: float16 exists only where the wgsl
 * backend's adapter has shader-f16, so `--dtype float16` elsewhere is refused up front with each
 * backend's reason rather than ending as a run of unsupported points.
 */
import type { Backend } from '../engine/core/backend.js';
import { errorMessage, MixscopeError } from '../engine/core/errors.js';
import type { DType } from '../engine/core/tensor.js';
import { NO_SHADER_F16 } from '../gpu/wgsl/backend.js';

/** Why one backend does not run `dtype` ('unavailable' when it does not run at all), or undefined when it does. */
async function refusal(backend: Backend, dtype: DType): Promise<{ unavailable: boolean; why: string } | undefined> {
  const probe = await backend.probe().catch((err: unknown) => ({ available: false, reason: errorMessage(err), dtypes: [] as DType[] }));
  if (!probe.available) return { unavailable: true, why: `unavailable: ${probe.reason ?? 'no reason given'}` };
  if (probe.dtypes.includes(dtype)) return undefined;
  if (dtype === 'float16' && backend.id === 'wgsl') return { unavailable: false, why: NO_SHADER_F16 };
  return { unavailable: false, why: `computes in ${probe.dtypes.join(', ') || 'no dtype'} only` };
}

/**
 * Throws, naming every backend and why, when none of `backends` runs `dtype`. Backends that are
 * all unavailable are not a dtype's fault: the run or the check reports them its own way.
 */
export async function checkDtypeOffered(backends: readonly Backend[], dtype: DType): Promise<void> {
  const refusals: { unavailable: boolean; why: string }[] = [];
  const reasons: string[] = [];
  for (const backend of backends) {
    const refused = await refusal(backend, dtype);
    if (refused === undefined) return;
    refusals.push(refused);
    reasons.push(`${backend.id}: ${refused.why}`);
  }
  if (refusals.every((r) => r.unavailable)) return;
  throw new MixscopeError(`--dtype ${dtype}: no chosen backend offers it (${reasons.join('; ')})`, 'unsupported');
}

/** `compute` runs the CPU kernels, which have no float16. */
export function cpuDtype(dtype: DType): 'float64' | 'float32' {
  if (dtype === 'float16') {
    throw new MixscopeError('--dtype float16 runs only on the wgsl backend (f16 storage on an adapter with shader-f16); compute runs the CPU kernels in float64 or float32');
  }
  return dtype;
}
