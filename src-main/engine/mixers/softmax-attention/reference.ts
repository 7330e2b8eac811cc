/**
 * Float64 reference for softmax attention, MIXERS.md §1, token by token:
 * y_t = Σ_{s≤t} exp(q_t·k_s·scale − m_t) v_s / Σ_{s≤t} exp(q_t·k_s·scale − m_t).
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';

export function softmaxScale(params: Params, d: number): number {
  const s = Number(params['scale']);
  return s > 0 ? s : 1 / Math.sqrt(d);
}

export function softmaxRow(inputs: Inputs, params: Params, t: number): Float64Array {
  const { d } = qkvSizes(inputs);
  const Q = inputs['Q']!.data;
  const K = inputs['K']!.data;
  const scale = softmaxScale(params, d);
  const row = new Float64Array(t + 1);
  let max = -Infinity;
  for (let s = 0; s <= t; s++) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
    row[s] = dot * scale;
    if (row[s]! > max) max = row[s]!;
  }
  let sum = 0;
  for (let s = 0; s <= t; s++) {
    row[s] = Math.exp(row[s]! - max);
    sum += row[s]!;
  }
  for (let s = 0; s <= t; s++) row[s] = row[s]! / sum;
  return row;
}

export function softmaxAttentionReference(inputs: Inputs, params: Params): Tensor {
  const { L, dv } = qkvSizes(inputs);
  const V = inputs['V']!.data;
  const Y = new Float64Array(L * dv);
  for (let t = 0; t < L; t++) {
    const a = softmaxRow(inputs, params, t);
    for (let s = 0; s <= t; s++) {
      for (let j = 0; j < dv; j++) Y[t * dv + j] = Y[t * dv + j]! + a[s]! * V[s * dv + j]!;
    }
  }
  return tensor([L, dv], Y);
}
