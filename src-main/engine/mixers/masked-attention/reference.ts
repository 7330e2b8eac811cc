/**
 * Float64 reference for structured-mask attention, MIXERS.md §4, by the plain definition:
 * y_t = Σ_{s≤t} M_ts (q_t·k_s) v_s, with no scale and no normalization.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';
import { maskRow } from './mask.js';

/** The masked row a_s = M_ts (q_t·k_s) of query t over keys 0..t. */
export function maskedAttentionRow(inputs: Inputs, params: Params, t: number): Float64Array {
  const { d } = qkvSizes(inputs);
  const Q = inputs['Q']!.data;
  const K = inputs['K']!.data;
  const row = maskRow(inputs, params, t);
  for (let s = 0; s <= t; s++) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
    row[s] = row[s]! * dot;
  }
  return row;
}

export function maskedAttentionReference(inputs: Inputs, params: Params): Tensor {
  const { L, dv } = qkvSizes(inputs);
  const V = inputs['V']!.data;
  const Y = new Float64Array(L * dv);
  for (let t = 0; t < L; t++) {
    const row = maskedAttentionRow(inputs, params, t);
    for (let s = 0; s <= t; s++) {
      for (let j = 0; j < dv; j++) Y[t * dv + j] = Y[t * dv + j]! + row[s]! * V[s * dv + j]!;
    }
  }
  return tensor([L, dv], Y);
}
