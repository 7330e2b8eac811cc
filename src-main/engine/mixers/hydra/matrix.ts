/**
 * Hydra's quasiseparable matrix (MIXERS.md §12), from unrolling the definition:
 * M_ts = (C_{t−1}·B_s)·a_{s+1}…a_{t−1} for s < t (forward SSD, shifted down one row),
 * M_ts = (C_{t+1}·B_s)·a_{t+1}…a_{s−1} for s > t (backward SSD, shifted up one row), M_tt = Dskip.
 * The decay products are accumulated outward from the diagonal, one factor per step.
 */
import type { FloatArray } from '../../core/tensor.js';
import type { HydraSizes } from './reference.js';

export interface HydraArrays {
  readonly a: FloatArray;
  readonly B: FloatArray;
  readonly C: FloatArray;
}

/** Writes row t of M (length L) into `row` at `offset`. */
export function writeQuasiseparableRow(
  { a, B, C }: HydraArrays,
  { L, N }: HydraSizes,
  skip: number,
  t: number,
  row: FloatArray,
  offset: number,
): void {
  row[offset + t] = skip;
  let decay = 1;
  for (let s = t - 1; s >= 0; s--) {
    let cb = 0;
    for (let n = 0; n < N; n++) cb += C[(t - 1) * N + n]! * B[s * N + n]!;
    row[offset + s] = cb * decay;
    decay *= a[s]!;
  }
  decay = 1;
  for (let s = t + 1; s < L; s++) {
    let cb = 0;
    for (let n = 0; n < N; n++) cb += C[(t + 1) * N + n]! * B[s * N + n]!;
    row[offset + s] = cb * decay;
    decay *= a[s]!;
  }
}
