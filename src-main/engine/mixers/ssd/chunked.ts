/**
 * The SSD algorithm of Mamba-2 ("minimal SSD", Dao & Gu 2024; MIXERS.md §6) on chunks of Q tokens,
 * with the decays kept as running products (Π a) where the listing has exp(segsum(log a)):
 *   (1) diagonal blocks: Y_t = Σ_{s in chunk, s≤t} G_ts (C_t·B_s) X_s,
 *   (2) chunk states: H_c = Σ_{s in chunk} (a_{s+1}·…·a_{end}) B_s X_sᵀ,
 *   (3) a scan over chunks turns H_c into the state entering each chunk,
 *   (4) state to output: Y_t += (a_{start}·…·a_t) · h_inᵀ C_t.
 * Chunk by chunk, one N×P state h carries (3): a chunk's outputs read the h that enters it, then
 * h = (a_{start}·…·a_{end})·h + H_c. Every stage runs in the run's dtype on views of the kernels'
 * memory: the products (C_c B_cᵀ over the lower sub-blocks, block·X_c, (decayed C_c)·h, decayed
 * B_cᵀ·X_c) on the SIMD matmul, the mask, the decays and the transposes on its element-wise
 * functions; only the 2·Q running products of the gates per chunk are JavaScript.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { copyOut, paddedLd } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { chunkSize } from '../common/chunks.js';
import { ssdSizes } from './reference.js';

/** Rows of the diagonal block per product: only sub-blocks on and below the diagonal are computed. */
const SUB = 16;

export function chunked(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, N, P } = ssdSizes(inputs);
  const Q = chunkSize(params, 'ssd');
  const width = Math.min(Q, L);
  const chunks = Math.ceil(L / Q);
  // Bᵀ blocks, scores and decayed keys padded: a power-of-two row stride puts their rows in the same cache sets.
  const ldW = paddedLd(width);
  const ws = workspace();
  const [C, B, X, Y, a, Bt, scores, weighted, Cs, h, decay, toEnd, g] = ws.frame(dtype, [
    L * N, L * N, L * P, L * P, L, N * ldW, width * ldW, N * ldW, width * N, N * P, width, width, width,
  ]) as FloatArray[] as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  C.set(inputs['C']!.data);
  B.set(inputs['B']!.data);
  X.set(inputs['X']!.data);
  a.set(inputs['a']!.data);
  const state = { data: h, ld: P };
  for (let c = 0; c < chunks; c++) {
    const c0 = c * Q;
    const n = Math.min(L, c0 + Q) - c0;
    const Cc = { data: C, offset: c0 * N, ld: N };
    const Xc = { data: X, offset: c0 * P, ld: P };
    // decay[t] = a_{start}·…·a_t (the listing's exp(A_cumsum)), toEnd[s] = a_{s+1}·…·a_{end}.
    for (let t = 0; t < n; t++) decay[t] = (t === 0 ? 1 : decay[t - 1]!) * a[c0 + t]!;
    toEnd[n - 1] = 1;
    for (let s = n - 2; s >= 0; s--) toEnd[s] = toEnd[s + 1]! * a[c0 + s + 1]!;
    ws.transpose(n, N, { data: B, offset: c0 * N, ld: N }, { data: Bt, ld: ldW });
    // (1) the chunk's block C_c B_cᵀ, masked and decayed to G ⊙ (C Bᵀ), then its outputs.
    for (let r0 = 0; r0 < n; r0 += SUB) {
      const r1 = Math.min(n, r0 + SUB);
      ws.gemm(r1 - r0, r1, N, { data: C, offset: (c0 + r0) * N, ld: N }, { data: Bt, ld: ldW }, { data: scores, offset: r0 * ldW, ld: ldW }, false);
    }
    ws.decayMask(n, { data: scores, ld: ldW }, { data: a, offset: c0, ld: 1 }, { data: g, ld: 1 });
    for (let r0 = 0; r0 < n; r0 += SUB) {
      const r1 = Math.min(n, r0 + SUB);
      ws.gemm(r1 - r0, P, r1, { data: scores, offset: r0 * ldW, ld: ldW }, Xc, { data: Y, offset: (c0 + r0) * P, ld: P }, false);
    }
    // (4) the entering state's contribution: Y_c += (diag(decay) C_c) h.
    if (c > 0) {
      ws.scaleRows(n, N, Cc, { data: Cs, ld: N }, { data: decay, ld: 1 }, 1);
      ws.gemm(n, P, N, { data: Cs, ld: N }, state, { data: Y, offset: c0 * P, ld: P }, true);
    }
    // (2) and (3): h = decay_end·h + (B_c decayed to the end)ᵀ X_c, the state entering chunk c + 1.
    if (c + 1 < chunks) {
      ws.mulCols(N, n, { data: Bt, ld: ldW }, { data: weighted, ld: ldW }, { data: toEnd, ld: 1 });
      ws.scaleRows(1, N * P, { data: h, ld: N * P }, { data: h, ld: N * P }, { data: decay, offset: n - 1, ld: 1 }, 0);
      ws.gemm(N, P, n, { data: weighted, ld: ldW }, Xc, state, true);
    }
  }
  return tensor([L, P], copyOut(Y));
}
