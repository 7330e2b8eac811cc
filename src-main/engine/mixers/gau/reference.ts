/**
 * Float64 reference for GAU relu² attention (MIXERS.md §9), row by row:
 * a_ts = relu(q_t·k_s/√d + β)² / L for s ≤ t, y_t = Σ_s a_ts v_s.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';

export function gauBias(params: Params): number {
  return Number(params['beta']);
}

export function gauRow(inputs: Inputs, params: Params, t: number): Float64Array {
  const { L, d } = qkvSizes(inputs);
  const Q = inputs['Q']!.data;
  const K = inputs['K']!.data;
  const beta = gauBias(params);
  const row = new Float64Array(t + 1);
  for (let s = 0; s <= t; s++) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
    const r = Math.max(0, dot / Math.sqrt(d) + beta);
    row[s] = (r * r) / L;
  }
  return row;
}

export function gauReference(inputs: Inputs, params: Params): Tensor {
  const { L, dv } = qkvSizes(inputs);
  const V = inputs['V']!.data;
  const Y = new Float64Array(L * dv);
  for (let t = 0; t < L; t++) {
    const a = gauRow(inputs, params, t);
    for (let s = 0; s <= t; s++) {
      for (let j = 0; j < dv; j++) Y[t * dv + j] = Y[t * dv + j]! + a[s]! * V[s * dv + j]!;
    }
  }
  return tensor([L, dv], Y);
}
