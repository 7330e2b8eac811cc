/** The CPU kernels of retention (MIXERS.md §3): the scalar-gated family with a_t = λ. */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type Tensor } from '../../core/tensor.js';
import { chunkSize } from '../common/chunks.js';
import { decayLambda } from '../common/gates.js';
import { constantGateProblem, gatedChunked, gatedParallel, gatedRecurrent } from '../common/scalar-gated.js';

/** A = (QKᵀ) ⊙ D with D_ts = λ^{t−s} (L×L), then Y = A V. */
export function parallel(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const p = constantGateProblem(inputs, dtype, decayLambda(params, 'retention'));
  return tensor([p.L, p.dv], gatedParallel(p));
}

/** S_t = λ S_{t−1} + k_t v_tᵀ, y_t = S_tᵀ q_t. */
export function recurrent(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const p = constantGateProblem(inputs, dtype, decayLambda(params, 'retention'));
  return tensor([p.L, p.dv], gatedRecurrent(p));
}

/** Powers of λ inside each chunk; across chunks the state decays by λ^C. */
export function chunked(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const p = constantGateProblem(inputs, dtype, decayLambda(params, 'retention'));
  return tensor([p.L, p.dv], gatedChunked(p, chunkSize(params, 'retention')));
}
