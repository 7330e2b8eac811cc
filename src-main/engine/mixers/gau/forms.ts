/** The CPU kernel of GAU relu² attention (MIXERS.md §9), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type Tensor } from '../../core/tensor.js';
import { causalApply, causalScores, copyOut, maskAboveDiagonal, qkvFrame } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { qkvSizes } from '../common/qkv.js';
import { gauBias } from './reference.js';

/**
 * A = relu(QKᵀ/√d + β)²/L on and below the diagonal (L×L), then Y = A V. QKᵀ and A V run on the
 * SIMD matmul over the lower block triangle; the relu² is applied in place between them.
 */
export function materialized(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const scale = 1 / Math.sqrt(d);
  const beta = gauBias(params);
  const ws = workspace();
  const { ld, Q, Kt, V, S: A, Y } = qkvFrame(ws, dtype, inputs, L, d, dv);
  causalScores(ws, L, d, Q, Kt, A, ld, ld);
  for (let t = 0; t < L; t++) {
    for (let s = t * ld; s <= t * ld + t; s++) {
      const r = Math.max(0, A[s]! * scale + beta);
      A[s] = (r * r) / L;
    }
  }
  // The diagonal blocks hold raw scores above the diagonal: cleared, so A V sees the causal mask.
  maskAboveDiagonal(A, L, ld);
  causalApply(ws, L, dv, A, V, Y, ld);
  return tensor([L, dv], copyOut(Y));
}
