/** The CPU kernels of simplified linear attention (MIXERS.md §2): the scalar-gated family with a_t = 1. */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type Tensor } from '../../core/tensor.js';
import { chunkSize } from '../common/chunks.js';
import { constantGateProblem, gatedChunked, gatedParallel, gatedRecurrent } from '../common/scalar-gated.js';

/** A = (QKᵀ) ⊙ M with M the 0/1 causal mask (L×L), then Y = A V. */
export function parallel(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const p = constantGateProblem(inputs, dtype, 1);
  return tensor([p.L, p.dv], gatedParallel(p));
}

/** S_t = S_{t−1} + k_t v_tᵀ, y_t = S_tᵀ q_t: a d×dv state, whatever L is. */
export function recurrent(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const p = constantGateProblem(inputs, dtype, 1);
  return tensor([p.L, p.dv], gatedRecurrent(p));
}

/** Quadratic inside each chunk of C tokens, the d×dv state S carried across chunks. */
export function chunked(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const p = constantGateProblem(inputs, dtype, 1);
  return tensor([p.L, p.dv], gatedChunked(p, chunkSize(params, 'simple-linear-attention')));
}
