/** The CPU kernel of GAU relu² attention (MIXERS.md §9), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';
import { gauBias } from './reference.js';

/** A = relu(QKᵀ/√d + β)²/L on and below the diagonal (L×L), then Y = A V. */
export function materialized(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Q = cast(inputs['Q']!, dtype).data;
  const K = cast(inputs['K']!, dtype).data;
  const V = cast(inputs['V']!, dtype).data;
  const scale = 1 / Math.sqrt(d);
  const beta = gauBias(params);
  const A = allocate(dtype, L * L);
  const Y = allocate(dtype, L * dv);
  for (let t = 0; t < L; t++) {
    for (let s = 0; s <= t; s++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
      const r = Math.max(0, dot * scale + beta);
      A[t * L + s] = (r * r) / L;
    }
  }
  for (let t = 0; t < L; t++) {
    for (let s = 0; s <= t; s++) {
      const a = A[t * L + s]!;
      for (let j = 0; j < dv; j++) Y[t * dv + j] = Y[t * dv + j]! + a * V[s * dv + j]!;
    }
  }
  return tensor([L, dv], Y);
}
