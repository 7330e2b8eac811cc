/**
 * The CPU kernels of Hydra (MIXERS.md §12), in the run's dtype: the products of C and B, the
 * product M X and the two scans' per-token steps run on the SIMD kernels of kernels/.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { cast, tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { copyOut, paddedLd, ROW_BLOCK, transposeInto } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { hydraSizes, skipWeight } from './reference.js';

/**
 * Builds the L×L quasiseparable matrix M (matrix.ts states its entries), then Y = M X. With C
 * padded by a zero row at each end (row t + 1 of Cpad is C_t), the strict lower triangle is
 * (Cpad[t] · B_s) and the strict upper one (Cpad[t + 2] · B_s), both SIMD matmuls over row blocks;
 * the decays are running products outward from the diagonal, the diagonal is Dskip.
 */
export function materialized(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, N, P } = hydraSizes(inputs);
  const skip = skipWeight(params);
  const a = cast(inputs['a']!, dtype).data;
  const ws = workspace();
  const ld = paddedLd(L);
  const [Cpad, Bt, X, M, Y, block] = ws.frame(dtype, [(L + 2) * N, N * ld, L * P, L * ld, L * P, ROW_BLOCK * ROW_BLOCK]) as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  Cpad.set(inputs['C']!.data, N);
  transposeInto(inputs['B']!.data, L, N, Bt, ld);
  X.set(inputs['X']!.data);
  const rows = (r0: number, shift: number) => ({ data: Cpad, offset: (r0 + shift) * N, ld: N });
  for (let r0 = 0; r0 < L; r0 += ROW_BLOCK) {
    const r1 = Math.min(L, r0 + ROW_BLOCK);
    const n = r1 - r0;
    // Columns s < r1 from C_{t−1}; columns s ≥ r1 from C_{t+1}; the diagonal block's upper part via `block`.
    ws.gemm(n, r1, N, rows(r0, 0), { data: Bt, ld: ld }, { data: M, offset: r0 * ld, ld: ld }, false);
    ws.gemm(n, L - r1, N, rows(r0, 2), { data: Bt, offset: r1, ld: ld }, { data: M, offset: r0 * ld + r1, ld: ld }, false);
    ws.gemm(n, n, N, rows(r0, 2), { data: Bt, offset: r0, ld: ld }, { data: block, ld: ROW_BLOCK }, false);
    for (let t = r0; t < r1; t++) {
      for (let s = t + 1; s < r1; s++) M[t * ld + s] = block[(t - r0) * ROW_BLOCK + (s - r0)]!;
    }
  }
  for (let t = 0; t < L; t++) {
    M[t * ld + t] = skip;
    let decay = 1;
    for (let s = t - 1; s >= 0; s--) {
      M[t * ld + s] = M[t * ld + s]! * decay;
      decay *= a[s]!;
    }
    decay = 1;
    for (let s = t + 1; s < L; s++) {
      M[t * ld + s] = M[t * ld + s]! * decay;
      decay *= a[s]!;
    }
  }
  ws.gemm(L, P, L, { data: M, ld: ld }, { data: X, ld: P }, { data: Y, ld: P }, false);
  return tensor([L, P], copyOut(Y));
}

/**
 * Two SSD scans with N×P states. Forward: h_t = a_t h_{t−1} + B_t X_tᵀ, adding h_tᵀC_t to Y_{t+1}.
 * Backward (the flipped scan): g_t = a_t g_{t+1} + B_t X_tᵀ, adding g_tᵀC_t to Y_{t−1}. Plus Dskip·X.
 * Each is one SIMD step per token; Y has a spare row at each end (row t + 1 holds Y_t) that takes
 * the forward scan's last and the backward scan's first read-out.
 */
export function scan(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, N, P } = hydraSizes(inputs);
  const skip = skipWeight(params);
  const ws = workspace();
  const [h, g, a, B, C, X, Ypad] = ws.frame(dtype, [N * P, N * P, L, L * N, L * N, L * P, (L + 2) * P]) as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  a.set(inputs['a']!.data);
  B.set(inputs['B']!.data);
  C.set(inputs['C']!.data);
  X.set(inputs['X']!.data);
  for (let i = 0; i < L * P; i++) Ypad[P + i] = skip * X[i]!;
  for (let t = 0; t < L; t++) {
    const u = L - 1 - t;
    ws.step(N, P, h, B.subarray(t * N, (t + 1) * N), C.subarray(t * N, (t + 1) * N), { data: X, offset: t * P, ld: P }, { data: Ypad, offset: (t + 2) * P, ld: P }, a.subarray(t, t + 1));
    ws.step(N, P, g, B.subarray(u * N, (u + 1) * N), C.subarray(u * N, (u + 1) * N), { data: X, offset: u * P, ld: P }, { data: Ypad, offset: u * P, ld: P }, a.subarray(u, u + 1));
  }
  return tensor([L, P], copyOut(Ypad.subarray(P, (L + 1) * P)));
}
