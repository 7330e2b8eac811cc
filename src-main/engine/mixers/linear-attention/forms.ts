/**
 * The CPU kernels of linear attention (MIXERS.md §2), in the run's dtype. The parallel and chunked
 * forms first map Q and K through φ = elu + 1 into φQ, φK (L×d each), as a GPU pipeline would.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { causalApply, causalScores, copyOut, maskAboveDiagonal, paddedLd } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { chunkSize } from '../common/chunks.js';
import { qkvSizes } from '../common/qkv.js';
import { eluPlusOne } from './reference.js';

/** φ of each input value, rounded to the dtype of `out`. */
function mapInto(x: ArrayLike<number>, out: FloatArray): void {
  for (let i = 0; i < out.length; i++) out[i] = eluPlusOne(x[i]!);
}

/** φ(x)ᵀ (cols × rows, rows ldOut apart) of x (rows × cols), straight into the kernels' memory. */
function mapTransposedInto(x: ArrayLike<number>, rows: number, cols: number, out: FloatArray, ldOut: number): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) out[c * ldOut + r] = eluPlusOne(x[r * cols + c]!);
  }
}

/** A = (φ(Q) φ(K)ᵀ) ⊙ M (L×L, causal), then Y = (A V) / (A 1) row by row; both products on the SIMD matmul. */
export function parallel(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const ws = workspace();
  const ld = paddedLd(L);
  const [fQ, fKt, V, A, Y] = ws.frame(dtype, [L * d, d * ld, L * dv, L * ld, L * dv]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  mapInto(inputs['Q']!.data, fQ);
  mapTransposedInto(inputs['K']!.data, L, d, fKt, ld);
  V.set(inputs['V']!.data);
  causalScores(ws, L, d, fQ, fKt, A, ld, ld);
  maskAboveDiagonal(A, L, ld);
  causalApply(ws, L, dv, A, V, Y, ld);
  for (let t = 0; t < L; t++) {
    let rowSum = 0;
    for (let s = t * ld; s <= t * ld + t; s++) rowSum += A[s]!;
    for (let j = t * dv; j < (t + 1) * dv; j++) Y[j] = Y[j]! / rowSum;
  }
  return tensor([L, dv], copyOut(Y));
}

/**
 * S and z updated per token; φ(k_t), φ(q_t) live in two d-vectors reused every step. The rank-1
 * update S += φk_t v_tᵀ and the readout S_tᵀ φq_t are one SIMD pass over S per token (kernels/).
 */
export function recurrent(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Qd = inputs['Q']!.data;
  const Kd = inputs['K']!.data;
  const ws = workspace();
  const [S, k, q, V, Y, one, z] = ws.frame(dtype, [d * dv, d, d, L * dv, L * dv, 1, d]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  V.set(inputs['V']!.data);
  one[0] = 1;
  for (let t = 0; t < L; t++) {
    let denominator = 0;
    for (let i = 0; i < d; i++) {
      k[i] = eluPlusOne(Kd[t * d + i]!);
      z[i] = z[i]! + k[i]!;
      q[i] = eluPlusOne(Qd[t * d + i]!);
      denominator += q[i]! * z[i]!;
    }
    ws.step(d, dv, S, k, q, { data: V, offset: t * dv, ld: dv }, { data: Y, offset: t * dv, ld: dv }, one);
    for (let j = t * dv; j < (t + 1) * dv; j++) Y[j] = Y[j]! / denominator;
  }
  return tensor([L, dv], copyOut(Y));
}

/**
 * Chunks of C tokens: for t in chunk [c0, c1),
 *   y_t = (S_inᵀ φq_t + Σ_{c0≤s≤t} A_ts v_s) / (φq_t·z_in + Σ_{c0≤s≤t} A_ts),  A_ts = φq_t·φk_s,
 * then S and z absorb the chunk's keys and values (S += φK_cᵀ V_c). Every product is a SIMD matmul:
 * the chunk's scores, its A·V, the carried φQ_c·S and the state update.
 */
export function chunked(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const C = chunkSize(params, 'linear-attention');
  const width = Math.min(C, L);
  const ws = workspace();
  const ldK = paddedLd(L);
  const ldA = paddedLd(width);
  const [fQ, fKt, V, A, S, Y] = ws.frame(dtype, [L * d, d * ldK, L * dv, width * ldA, d * dv, L * dv]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  mapInto(inputs['Q']!.data, fQ);
  mapTransposedInto(inputs['K']!.data, L, d, fKt, ldK);
  V.set(inputs['V']!.data);
  const z = new Float64Array(d);
  for (let c0 = 0; c0 < L; c0 += C) {
    const n = Math.min(L, c0 + C) - c0;
    ws.gemm(n, n, d, { data: fQ, offset: c0 * d, ld: d }, { data: fKt, offset: c0, ld: ldK }, { data: A, ld: ldA }, false);
    for (let t = 0; t < n; t++) A.fill(0, t * ldA + t + 1, t * ldA + n);
    // Y_c = φQ_c S_in + A V_c
    ws.gemm(n, dv, d, { data: fQ, offset: c0 * d, ld: d }, { data: S, ld: dv }, { data: Y, offset: c0 * dv, ld: dv }, false);
    ws.gemm(n, dv, n, { data: A, ld: ldA }, { data: V, offset: c0 * dv, ld: dv }, { data: Y, offset: c0 * dv, ld: dv }, true);
    for (let t = 0; t < n; t++) {
      let denominator = 0;
      for (let i = 0; i < d; i++) denominator += fQ[(c0 + t) * d + i]! * z[i]!;
      for (let s = 0; s <= t; s++) denominator += A[t * ldA + s]!;
      for (let j = (c0 + t) * dv; j < (c0 + t + 1) * dv; j++) Y[j] = Y[j]! / denominator;
    }
    // S += φK_cᵀ V_c, z += φK_cᵀ 1
    ws.gemm(d, dv, n, { data: fKt, offset: c0, ld: ldK }, { data: V, offset: c0 * dv, ld: dv }, { data: S, ld: dv }, true);
    for (let i = 0; i < d; i++) {
      let sum = z[i]!;
      for (let s = c0; s < c0 + n; s++) sum += fKt[i * ldK + s]!;
      z[i] = sum;
    }
  }
  return tensor([L, dv], copyOut(Y));
}
