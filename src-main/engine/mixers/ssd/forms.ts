/**
 * The quadratic and scan kernels of SSD (MIXERS.md §6). SSD is masked attention with Q = C, K = B,
 * V = X and the selective mask G, so both run the scalar-gated kernels on (C, B, X, a). C, B and X
 * go in as they are: the kernels copy them into their memory in the run's dtype (the same rounding
 * as a cast, without a fresh array per call); the gates, read in plain loops, are cast.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { cast, tensor, type DType, type Tensor } from '../../core/tensor.js';
import { gatedParallel, gatedRecurrent, type GatedProblem } from '../common/scalar-gated.js';
import { ssdSizes } from './reference.js';

function asGatedAttention(inputs: Inputs, dtype: DType): GatedProblem {
  const { L, N, P } = ssdSizes(inputs);
  return {
    Q: inputs['C']!.data,
    K: inputs['B']!.data,
    V: inputs['X']!.data,
    gates: cast(inputs['a']!, dtype).data,
    L,
    d: N,
    dv: P,
    dtype,
  };
}

/** Attention form: the L×L matrix G ⊙ (C Bᵀ), then Y = (G ⊙ C Bᵀ) X. */
export function quadratic(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const p = asGatedAttention(inputs, dtype);
  return tensor([p.L, p.dv], gatedParallel(p));
}

/** Recurrent form: h_t = a_t·h_{t−1} + B_t X_tᵀ (N×P), Y_t = h_tᵀ C_t. */
export function scan(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const p = asGatedAttention(inputs, dtype);
  return tensor([p.L, p.dv], gatedRecurrent(p));
}
