/** What both mLSTM forms share in gpu.js (MIXERS.md §7): sizes, and the log forget gates. */
import type { Dims } from '../../../engine/core/mixer.js';
import type { KernelThis, Vec } from '../gpujs.js';
import { dim } from './plan.js';
import { segmentSizes, type SegmentSizes } from './segment-sums.js';

export interface MlstmSizes extends SegmentSizes {
  readonly d: number;
  readonly dv: number;
  readonly scale: number;
}
type K = KernelThis<MlstmSizes>;

/** log σ(f̃_t) = −log1p(e^{−f̃}) (f̃ ≥ 0) or f̃ − log1p(e^{f̃}); log1p(y) = log(u)·y/(u − 1), u = 1 + y (Kahan). Output [L, 1]. */
export function logForget(this: K, fgate: Vec): number {
  const x = fgate[this.thread.y]!;
  let y = Math.exp(x);
  if (x >= 0) y = Math.exp(-x);
  const u = 1 + y;
  let log1p = y;
  if (u !== 1) log1p = (Math.log(u) * y) / (u - 1);
  if (x >= 0) return -log1p;
  return x - log1p;
}

export function mlstmSizes(dims: Dims): MlstmSizes {
  const d = dim(dims, 'd');
  return { ...segmentSizes(dim(dims, 'L'), 1), d, dv: dim(dims, 'dv'), scale: 1 / Math.sqrt(d) };
}
