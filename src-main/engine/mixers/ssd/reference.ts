/**
 * Float64 reference for Mamba-2 SSD, MIXERS.md §6, by the recurrence:
 *   h_t = a_t·h_{t−1} + B_t X_tᵀ (N×P state, h_{−1} = 0),  Y_t = h_tᵀ C_t.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';

export function ssdSizes(inputs: Inputs): { L: number; N: number; P: number } {
  const [L, P] = inputs['X']!.shape as [number, number];
  return { L, N: inputs['B']!.shape[1]!, P };
}

export function ssdReference(inputs: Inputs, _params: Params): Tensor {
  const { L, N, P } = ssdSizes(inputs);
  const X = inputs['X']!.data;
  const a = inputs['a']!.data;
  const B = inputs['B']!.data;
  const C = inputs['C']!.data;
  const h = new Float64Array(N * P);
  const Y = new Float64Array(L * P);
  for (let t = 0; t < L; t++) {
    for (let n = 0; n < N; n++) {
      for (let p = 0; p < P; p++) h[n * P + p] = a[t]! * h[n * P + p]! + B[t * N + n]! * X[t * P + p]!;
    }
    for (let p = 0; p < P; p++) {
      let y = 0;
      for (let n = 0; n < N; n++) y += h[n * P + p]! * C[t * N + n]!;
      Y[t * P + p] = y;
    }
  }
  return tensor([L, P], Y);
}

/** The SSD row of query t: G_ts·(C_t·B_s) with G_ts = a_{s+1}·…·a_t (MIXERS.md, "Attention focus"). */
export function ssdRow(inputs: Inputs, _params: Params, t: number): Float64Array {
  const { N } = ssdSizes(inputs);
  const a = inputs['a']!.data;
  const B = inputs['B']!.data;
  const C = inputs['C']!.data;
  const row = new Float64Array(t + 1);
  let G = 1;
  for (let s = t; s >= 0; s--) {
    let dot = 0;
    for (let n = 0; n < N; n++) dot += C[t * N + n]! * B[s * N + n]!;
    row[s] = G * dot;
    G *= a[s]!;
  }
  return row;
}
