/**
 * Float64 reference for simplified linear attention, MIXERS.md §2 ("simplified" variant), token by
 * token: S_t = S_{t−1} + k_t v_tᵀ, y_t = S_tᵀ q_t (no feature map, no denominator).
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';

export function simpleLinearAttentionReference(inputs: Inputs, _params: Params): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Q = inputs['Q']!.data;
  const K = inputs['K']!.data;
  const V = inputs['V']!.data;
  const S = new Float64Array(d * dv);
  const Y = new Float64Array(L * dv);
  for (let t = 0; t < L; t++) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < dv; j++) S[i * dv + j] = S[i * dv + j]! + K[t * d + i]! * V[t * dv + j]!;
    }
    for (let j = 0; j < dv; j++) {
      let y = 0;
      for (let i = 0; i < d; i++) y += Q[t * d + i]! * S[i * dv + j]!;
      Y[t * dv + j] = y;
    }
  }
  return tensor([L, dv], Y);
}

/** The effective row of plain linear attention (f = identity): a_s = q_t·k_s, unnormalized. */
export function simpleLinearRow(inputs: Inputs, _params: Params, t: number): Float64Array {
  const { d } = qkvSizes(inputs);
  const Q = inputs['Q']!.data;
  const K = inputs['K']!.data;
  const row = new Float64Array(t + 1);
  for (let s = 0; s <= t; s++) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
    row[s] = dot;
  }
  return row;
}
