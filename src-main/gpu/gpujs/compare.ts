/**
 * One form on two backends, side by side (for the bench: a WGSL kernel against the gpu.js kernel
 * of the same form): compile time, median wall time, allocated bytes, each side's fidelity, and
 * how far apart their outputs are. Works for any two Backends.
 */
import type { Backend, KernelSupport, PrepareRequest } from '../../engine/core/backend.js';
import { relativeError } from '../../engine/core/tensor.js';

export interface BackendSide {
  readonly backend: string;
  readonly support: KernelSupport;
  readonly compileMs: number;
  readonly medianWallMs: number;
  readonly allocatedBytes: number;
}

export interface FormComparison {
  readonly mixer: string;
  readonly form: string;
  readonly sides: readonly [BackendSide, BackendSide];
  /** Max |Y_a − Y_b| / max |Y_b|. */
  readonly outputDifference: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function compareForm(a: Backend, b: Backend, request: PrepareRequest, samples = 5): Promise<FormComparison> {
  const sides: BackendSide[] = [];
  const outputs = [];
  for (const backend of [a, b]) {
    const prepared = await backend.prepare(request);
    try {
      const times: number[] = [];
      for (let i = 0; i < samples; i++) times.push((await prepared.run()).wallMs);
      outputs.push((await prepared.read()).output);
      sides.push({
        backend: backend.id,
        support: backend.support(request.mixer, request.form, request.dtype),
        compileMs: prepared.compileMs,
        medianWallMs: median(times),
        allocatedBytes: prepared.allocatedBytes,
      });
    } finally {
      prepared.release();
    }
  }
  return {
    mixer: request.mixer.id,
    form: request.form.id,
    sides: [sides[0]!, sides[1]!],
    outputDifference: relativeError(outputs[0]!, outputs[1]!).relative,
  };
}
