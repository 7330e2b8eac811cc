/**
 * The causal products of the attention family on the shared matmul (gemm.ts), in row blocks of
 * ROW_BLOCK queries so that only the lower block triangle is computed (about half of L²·d):
 *   scores:  S[t, s] = q_t · k_s        for s < end of t's block (the caller masks s > t),
 *   apply:   Y[t]    = Σ_s W[t, s] v_s  for s < end of t's block (W must be 0 above the diagonal).
 * K enters transposed (d × L), so every product is a plain row-major A·B.
 */
import type { FloatArray } from '../core/tensor.js';
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
