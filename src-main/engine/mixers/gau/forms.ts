/** The CPU kernel of GAU relu² attention (MIXERS.md §9), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { causalApply, causalScores, copyOut, maskAboveDiagonal, transposeInto } from '../../kernels/causal.js';
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
  const [Q, Kt, V, A, Y] = ws.frame(dtype, [L * d, d * L, L * dv, L * L, L * dv]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  Q.set(inputs['Q']!.data);
  transposeInto(inputs['K']!.data, L, d, Kt);
  V.set(inputs['V']!.data);
  causalScores(ws, L, d, Q, Kt, A);
  for (let t = 0; t < L; t++) {
    for (let s = t * L; s <= t * L + t; s++) {
      const r = Math.max(0, A[s]! * scale + beta);
      A[s] = (r * r) / L;
    }
  }
  // The diagonal blocks hold raw scores above the diagonal: cleared, so A V sees the causal mask.
  maskAboveDiagonal(A, L);
  causalApply(ws, L, dv, A, V, Y);
  return tensor([L, dv], copyOut(Y));
}
