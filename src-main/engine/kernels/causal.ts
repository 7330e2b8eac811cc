/**
 * The causal products of the attention family on the shared matmul (gemm.ts), in row blocks of
 * ROW_BLOCK queries so that only the lower block triangle is computed (about half of L²·d):
 *   scores:  S[t, s] = q_t · k_s        for s < end of t's block (the caller masks s > t),
 *   apply:   Y[t]    = Σ_s W[t, s] v_s  for s < end of t's block (W must be 0 above the diagonal).
 * K enters transposed (d × L), so every product is a plain row-major A·B.
 */
import type { Inputs } from '../core/mixer.js';
import type { DType, FloatArray } from '../core/tensor.js';
import type { Workspace } from './gemm.js';

export const ROW_BLOCK = 64;

/** dst (cols × rows, row-major) = srcᵀ, src rows × cols. */
export function transposeInto(src: ArrayLike<number>, rows: number, cols: number, dst: FloatArray, ldDst = rows, dstOffset = 0): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) dst[dstOffset + c * ldDst + r] = src[r * cols + c]!;
  }
}

/** dst (rows × cols, rows ldDst apart) = src (rows × cols, contiguous): a matrix into a padded frame. */
export function copyRowsInto(src: ArrayLike<number>, rows: number, cols: number, dst: FloatArray, ldDst: number): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) dst[r * ldDst + c] = src[r * cols + c]!;
  }
}

/**
 * The row stride to give an n-column matrix in a frame: a multiple of 64 elements is padded by one
 * cache line's worth, so that its rows (and a transposed operand's) do not all fall into the same
 * cache sets. With power-of-two strides the conflicts depend on where the OS placed the pages, and
 * one kernel's time then changes by a third between runs.
 */
export function paddedLd(n: number): number {
  return n >= 64 && n % 64 === 0 ? n + 16 : n;
}

/** The frame of a materialized causal form: the operands in place and room for the L × L weights and the output. */
export interface QkvFrame {
  /** Row stride of Kt and S (paddedLd(L)). */
  readonly ld: number;
  /** L × d, a copy of the input Q. */
  readonly Q: FloatArray;
  /** d × ld, the input K transposed, so QKᵀ is a plain row-major product. */
  readonly Kt: FloatArray;
  /** L × dv, a copy of the input V. */
  readonly V: FloatArray;
  /** L × ld, zeroed: the scores, then the weights applied to V. */
  readonly S: FloatArray;
  /** L × dv, zeroed: the output. */
  readonly Y: FloatArray;
}

/**
 * Q, Kᵀ and V copied into a fresh frame of the run's dtype (so the products run in its own
 * arithmetic) beside the scores and the output, every L-wide matrix on the padded stride.
 */
export function qkvFrame(ws: Workspace, dtype: DType, inputs: Inputs, L: number, d: number, dv: number): QkvFrame {
  const ld = paddedLd(L);
  const [Q, Kt, V, S, Y] = ws.frame(dtype, [L * d, d * ld, L * dv, L * ld, L * dv]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  Q.set(inputs['Q']!.data);
  transposeInto(inputs['K']!.data, L, d, Kt, ld);
  V.set(inputs['V']!.data);
  return { ld, Q, Kt, V, S, Y };
}

/** S (L × ldS) = Q Kᵀ on and below the block diagonal; Q is L × d, Kt is d × ldK. */
export function causalScores(ws: Workspace, L: number, d: number, Q: FloatArray, Kt: FloatArray, S: FloatArray, ldS = L, ldK = L): void {
  for (let r0 = 0; r0 < L; r0 += ROW_BLOCK) {
    const r1 = Math.min(L, r0 + ROW_BLOCK);
    ws.gemm(r1 - r0, r1, d, { data: Q, offset: r0 * d, ld: d }, { data: Kt, ld: ldK }, { data: S, offset: r0 * ldS, ld: ldS }, false);
  }
}

/** Y (L × dv) = W V over the block lower triangle of W (L × ldW, zero above the diagonal). */
export function causalApply(ws: Workspace, L: number, dv: number, W: FloatArray, V: FloatArray, Y: FloatArray, ldW = L, accumulate = false): void {
  for (let r0 = 0; r0 < L; r0 += ROW_BLOCK) {
    const r1 = Math.min(L, r0 + ROW_BLOCK);
    ws.gemm(r1 - r0, dv, r1, { data: W, offset: r0 * ldW, ld: ldW }, { data: V, ld: dv }, { data: Y, offset: r0 * dv, ld: dv }, accumulate);
  }
}

/** Zeroes S[t, s] for t < s inside the diagonal blocks (what causalScores computed beyond the mask). */
export function maskAboveDiagonal(S: FloatArray, L: number, ldS = L): void {
  for (let t = 0; t < L; t++) {
    const blockEnd = Math.min(L, (Math.floor(t / ROW_BLOCK) + 1) * ROW_BLOCK);
    S.fill(0, t * ldS + t + 1, t * ldS + blockEnd);
  }
}

/**
 * A fresh array of the run's dtype holding a copy of a frame view (frames are reused by the next
 * kernel). A slice of the memory's buffer is one block copy; `set` from a subarray measured tens
 * of times slower on Node 20 (milliseconds at L·d = 2048·64).
 */
export function copyOut(view: FloatArray, length = view.length): FloatArray {
  const bytes = view.buffer.slice(view.byteOffset, view.byteOffset + length * view.BYTES_PER_ELEMENT);
  return view instanceof Float32Array ? new Float32Array(bytes) : new Float64Array(bytes);
}
