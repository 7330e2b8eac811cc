/** The CPU kernels of structured-mask attention (MIXERS.md §4), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { causalApply, causalScores, copyOut, paddedLd, transposeInto } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { qkvSizes } from '../common/qkv.js';
import { stepFactors } from './mask.js';

/** Materializes M (L×L) and S = QKᵀ (L×L, on the SIMD matmul), then Y = (S ⊙ M) V (SIMD matmul again). */
export function quadratic(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const g = stepFactors(inputs, params, dtype, L);
  const ws = workspace();
  const ld = paddedLd(L);
  const [Q, Kt, V, M, S, Y] = ws.frame(dtype, [L * d, d * ld, L * dv, L * ld, L * ld, L * dv]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  Q.set(inputs['Q']!.data);
  transposeInto(inputs['K']!.data, L, d, Kt, ld);
  V.set(inputs['V']!.data);
  for (let t = 0; t < L; t++) {
    // M_ts = g_{s+1}·…·g_t, built from the diagonal leftwards.
    let product = 1;
    for (let s = t; s >= 0; s--) {
      M[t * ld + s] = product;
      product *= g[s]!;
    }
  }
  causalScores(ws, L, d, Q, Kt, S, ld, ld);
  // M is zero above the diagonal (and in the padding), so S ⊙ M is the causal mask too.
  for (let i = 0; i < L * ld; i++) S[i] = S[i]! * M[i]!;
  causalApply(ws, L, dv, S, V, Y, ld);
  return tensor([L, dv], copyOut(Y));
}

/**
 * The four-step algorithm: (1) Z[t,i,j] = K[t,i]·V[t,j]; (2) H = M ·_t Z by the mask's fast
 * matvec, H_t = g_t·H_{t−1} + Z_t (a prefix sum for the causal mask); (3, 4) Y[t,j] =
 * Σ_i Q[t,i]·H[t,i,j]. O(L·d·dv) time and memory, never L×L. Token by token, H_t's slice starts
 * as a copy of H_{t−1} and one SIMD step (kernels/) applies (1), (2) and (3, 4) to it in one pass;
 * every H_t stays materialized, in the reused kernel memory.
 */
export function fourStep(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const slice = d * dv;
  const ws = workspace();
  const [H, Q, K, V, Y, g] = ws.frame(dtype, [L * slice, L * d, L * d, L * dv, L * dv, L]) as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  Q.set(inputs['Q']!.data);
  K.set(inputs['K']!.data);
  V.set(inputs['V']!.data);
  g.set(stepFactors(inputs, params, dtype, L));
  for (let t = 0; t < L; t++) {
    // H_0 = Z_0: its slice is still zero, so g_0·0 + Z_0.
    if (t > 0) H.copyWithin(t * slice, (t - 1) * slice, t * slice);
    const at = (x: FloatArray, n: number) => x.subarray(t * n, (t + 1) * n);
    ws.step(d, dv, at(H, slice), at(K, d), at(Q, d), { data: V, offset: t * dv, ld: dv }, { data: Y, offset: t * dv, ld: dv }, at(g, 1));
  }
  return tensor([L, dv], copyOut(Y));
}
