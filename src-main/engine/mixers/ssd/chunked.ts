/**
 * The SSD algorithm of Mamba-2 ("minimal SSD", Dao & Gu 2024; MIXERS.md §6) on chunks of Q tokens,
 * with the decays kept as running products (Π a) where the listing has exp(segsum(log a)):
 *   (1) diagonal blocks: Y_t = Σ_{s in chunk, s≤t} G_ts (C_t·B_s) X_s,
 *   (2) chunk states: H_c = Σ_{s in chunk} (a_{s+1}·…·a_{end}) B_s X_sᵀ,
 *   (3) a scan over chunks turns H_c into the state entering each chunk,
 *   (4) state to output: Y_t += (a_{start}·…·a_t) · h_inᵀ C_t.
 * The products of (1), (2) and (4) (C_c B_cᵀ, block·X_c, decayed B_cᵀ·X_c, C_c·h_in) run on the
 * SIMD matmul (kernels/) over views of its memory; the decays and the scan are plain loops.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { copyOut, paddedLd } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { chunkSize } from '../common/chunks.js';
import { ssdSizes } from './reference.js';

export function chunked(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, N, P } = ssdSizes(inputs);
  const Q = chunkSize(params, 'ssd');
  const width = Math.min(Q, L);
  const chunks = Math.ceil(L / Q);
  const NP = N * P;
  const ldW = paddedLd(width);
  const ws = workspace();
  const [C, Bt, X, scores, states, weighted, carried, Y] = ws.frame(dtype, [L * N, chunks * N * ldW, L * P, width * ldW, chunks * NP, N * ldW, width * P, L * P]) as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  C.set(inputs['C']!.data);
  // Bᵀ chunk by chunk (N × width each, rows ldW apart, padded like the scores): a row stride of L
  // (or of a power-of-two width) would put a block's rows in the same cache sets.
  const Bin = inputs['B']!.data;
  for (let t = 0; t < L; t++) {
    const at = Math.floor(t / Q) * N * ldW + (t % Q);
    for (let i = 0; i < N; i++) Bt[at + i * ldW] = Bin[t * N + i]!;
  }
  X.set(inputs['X']!.data);
  const a = allocate(dtype, L);
  a.set(inputs['a']!.data);
  // decay[t] = a_{start}·…·a_t within t's chunk: the listing's exp(A_cumsum).
  const decay = allocate(dtype, L);
  for (let c = 0; c < chunks; c++) {
    const c0 = c * Q;
    const n = Math.min(L, c0 + Q) - c0;
    for (let t = c0; t < c0 + n; t++) decay[t] = (t === c0 ? 1 : decay[t - 1]!) * a[t]!;
    // (1) the chunk's block C_c B_cᵀ, masked and decayed to G ⊙ (C Bᵀ), then its outputs.
    ws.gemm(n, n, N, { data: C, offset: c0 * N, ld: N }, { data: Bt, offset: c * N * ldW, ld: ldW }, { data: scores, ld: ldW }, false);
    for (let t = 0; t < n; t++) {
      scores.fill(0, t * ldW + t + 1, t * ldW + n);
      let G = 1;
      for (let s = t; s >= 0; s--) {
        scores[t * ldW + s] = G * scores[t * ldW + s]!;
        G *= a[c0 + s]!;
      }
    }
    ws.gemm(n, P, n, { data: scores, ld: ldW }, { data: X, offset: c0 * P, ld: P }, { data: Y, offset: c0 * P, ld: P }, false);
    // (2) the state this chunk alone leaves at its end: (B_c decayed to the end)ᵀ X_c.
    let toEnd = 1;
    for (let s = n - 1; s >= 0; s--) {
      for (let i = 0; i < N; i++) weighted[i * ldW + s] = toEnd * Bt[c * N * ldW + i * ldW + s]!;
      toEnd *= a[c0 + s]!;
    }
    ws.gemm(N, P, n, { data: weighted, ld: ldW }, { data: X, offset: c0 * P, ld: P }, { data: states, offset: c * NP, ld: P }, false);
  }
  // (3) in place: states[c] becomes the state entering chunk c, h_in(c+1) = decay_end(c)·h_in(c) + H_c.
  const carry = new Float64Array(NP);
  for (let c = 0; c < chunks; c++) {
    const through = decay[Math.min(L, (c + 1) * Q) - 1]!;
    for (let e = 0; e < NP; e++) {
      const local = states[c * NP + e]!;
      states[c * NP + e] = carry[e]!;
      carry[e] = through * carry[e]! + local;
    }
  }
  // (4) the entering state's contribution to every output of the chunk: C_c h_in, scaled per row.
  for (let c = 0; c < chunks; c++) {
    const c0 = c * Q;
    const n = Math.min(L, c0 + Q) - c0;
    ws.gemm(n, P, N, { data: C, offset: c0 * N, ld: N }, { data: states, offset: c * NP, ld: P }, { data: carried, ld: P }, false);
    for (let t = 0; t < n; t++) {
      const scale = decay[c0 + t]!;
      for (let p = 0; p < P; p++) Y[(c0 + t) * P + p] = Y[(c0 + t) * P + p]! + scale * carried[t * P + p]!;
    }
  }
  return tensor([L, P], copyOut(Y));
}
