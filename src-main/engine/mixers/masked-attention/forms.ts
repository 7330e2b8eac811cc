/** The CPU kernels of structured-mask attention (MIXERS.md §4), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { causalApply, causalScores, copyOut, transposeInto } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { qkvSizes } from '../common/qkv.js';
import { stepFactors } from './mask.js';

/** Materializes M (L×L) and S = QKᵀ (L×L, on the SIMD matmul), then Y = (S ⊙ M) V (SIMD matmul again). */
export function quadratic(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const g = stepFactors(inputs, params, dtype, L);
  const ws = workspace();
  const [Q, Kt, V, M, S, Y] = ws.frame(dtype, [L * d, d * L, L * dv, L * L, L * L, L * dv]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  Q.set(inputs['Q']!.data);
  transposeInto(inputs['K']!.data, L, d, Kt);
  V.set(inputs['V']!.data);
  for (let t = 0; t < L; t++) {
    // M_ts = g_{s+1}·…·g_t, built from the diagonal leftwards.
    let product = 1;
    for (let s = t; s >= 0; s--) {
      M[t * L + s] = product;
      product *= g[s]!;
    }
  }
  causalScores(ws, L, d, Q, Kt, S);
  // M is zero above the diagonal, so S ⊙ M is the causal mask too.
  for (let i = 0; i < L * L; i++) S[i] = S[i]! * M[i]!;
  causalApply(ws, L, dv, S, V, Y);
  return tensor([L, dv], copyOut(Y));
}

/**
 * The four-step algorithm: (1) Z[t,i,j] = K[t,i]·V[t,j]; (2) H = M ·_t Z by the mask's fast
 * matvec, H_t = g_t·H_{t−1} + Z_t (a prefix sum for the causal mask), in place over Z;
 * (3, 4) Y[t,j] = Σ_i Q[t,i]·H[t,i,j]. O(L·d·dv) time and memory, never L×L.
 */
export function fourStep(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Q = cast(inputs['Q']!, dtype).data;
  const K = cast(inputs['K']!, dtype).data;
  const V = cast(inputs['V']!, dtype).data;
  const g = stepFactors(inputs, params, dtype, L);
  const slice = d * dv;
  const H = allocate(dtype, L * slice);
  const Y = allocate(dtype, L * dv);
  for (let t = 0; t < L; t++) {
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < dv; j++) H[t * slice + i * dv + j] = K[t * d + i]! * V[t * dv + j]!;
    }
  }
  for (let t = 1; t < L; t++) {
    const factor = g[t]!;
    for (let e = 0; e < slice; e++) H[t * slice + e] = H[t * slice + e]! + factor * H[(t - 1) * slice + e]!;
  }
  for (let t = 0; t < L; t++) {
    for (let j = 0; j < dv; j++) {
      let y = 0;
      for (let i = 0; i < d; i++) y += Q[t * d + i]! * H[t * slice + i * dv + j]!;
      Y[t * dv + j] = y;
    }
  }
  return tensor([L, dv], Y);
}
