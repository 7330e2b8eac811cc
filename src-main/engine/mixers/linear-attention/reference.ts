/**
 * Float64 reference for linear attention, MIXERS.md §2 (Katharopoulos et al.), token by token:
 *   S_t = S_{t−1} + φ(k_t) v_tᵀ,  z_t = z_{t−1} + φ(k_t),  y_t = S_tᵀ φ(q_t) / (φ(q_t)·z_t),
 * with φ(x) = elu(x) + 1, positive, so the denominator never vanishes.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';

/** φ(x) = elu(x) + 1: x + 1 for x > 0, exp(x) otherwise. */
export function eluPlusOne(x: number): number {
  return x > 0 ? x + 1 : Math.exp(x);
}

export function linearAttentionReference(inputs: Inputs, _params: Params): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Q = inputs['Q']!.data;
  const K = inputs['K']!.data;
  const V = inputs['V']!.data;
  const S = new Float64Array(d * dv);
  const z = new Float64Array(d);
  const Y = new Float64Array(L * dv);
  for (let t = 0; t < L; t++) {
    for (let i = 0; i < d; i++) {
      const k = eluPlusOne(K[t * d + i]!);
      z[i] = z[i]! + k;
      for (let j = 0; j < dv; j++) S[i * dv + j] = S[i * dv + j]! + k * V[t * dv + j]!;
    }
    let denominator = 0;
    for (let i = 0; i < d; i++) denominator += eluPlusOne(Q[t * d + i]!) * z[i]!;
    for (let j = 0; j < dv; j++) {
      let numerator = 0;
      for (let i = 0; i < d; i++) numerator += eluPlusOne(Q[t * d + i]!) * S[i * dv + j]!;
      Y[t * dv + j] = numerator / denominator;
    }
  }
  return tensor([L, dv], Y);
}

/** The effective row a_s = φ(q_t)·φ(k_s) / Σ_{s'≤t} φ(q_t)·φ(k_s'): positive, sums to 1. */
export function linearAttentionRow(inputs: Inputs, _params: Params, t: number): Float64Array {
  const { d } = qkvSizes(inputs);
  const Q = inputs['Q']!.data;
  const K = inputs['K']!.data;
  const row = new Float64Array(t + 1);
  let sum = 0;
  for (let s = 0; s <= t; s++) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += eluPlusOne(Q[t * d + i]!) * eluPlusOne(K[s * d + i]!);
    row[s] = dot;
    sum += dot;
  }
  for (let s = 0; s <= t; s++) row[s] = row[s]! / sum;
  return row;
}
