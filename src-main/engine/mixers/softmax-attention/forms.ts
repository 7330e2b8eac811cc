/**
 * The CPU kernels of softmax attention (MIXERS.md §1), in the run's dtype. The products QKᵀ and
 * A·V run on the engine's SIMD matmul (kernels/), in the dtype's own arithmetic; the softmax
 * itself (max, exp, normalisation) is plain code between them.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { causalApply, causalScores, copyOut, paddedLd, qkvFrame, ROW_BLOCK, transposeInto } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { qkvSizes } from '../common/qkv.js';
import { softmaxScale } from './reference.js';

/**
 * Row t of S: e^{scale·(x − max)} over s ≤ t (scale > 0, so the max of x is the max of scale·x),
 * zeros beyond (so the A·V product sees the causal mask). Returns the row sum: the division by it
 * is applied to the row of Y = S·V instead of to every score.
 */
function expRow(S: FloatArray, t: number, L: number, scale: number, ld = L): number {
  const row = t * ld;
  let max = -Infinity;
  for (let s = row; s <= row + t; s++) if (S[s]! > max) max = S[s]!;
  let sum = 0;
  for (let s = row; s <= row + t; s++) {
    const p = Math.exp((S[s]! - max) * scale);
    S[s] = p;
    sum += S[s]!;
  }
  const blockEnd = Math.min(L, (Math.floor(t / ROW_BLOCK) + 1) * ROW_BLOCK);
  S.fill(0, row + t + 1, row + blockEnd);
  return sum;
}

/** S = QKᵀ·scale (L×L, upper triangle skipped), row softmax, then S·V. */
export function materialized(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const scale = softmaxScale(params, d);
  const ws = workspace();
  const { ld, Q, Kt, V, S, Y } = qkvFrame(ws, dtype, inputs, L, d, dv);
  causalScores(ws, L, d, Q, Kt, S, ld, ld);
  const sums = new Float64Array(L);
  for (let t = 0; t < L; t++) sums[t] = expRow(S, t, L, scale, ld);
  causalApply(ws, L, dv, S, V, Y, ld);
  for (let t = 0; t < L; t++) {
    for (let j = t * dv; j < (t + 1) * dv; j++) Y[j] = Y[j]! / sums[t]!;
  }
  return tensor([L, dv], copyOut(Y));
}

/**
 * Online softmax over key tiles of `tile` keys (FlashAttention-style) for blocks of `tile` queries:
 * per query row a running max m, running sum ℓ and running output o; never holds more than one
 * tile × tile block of scores. Per tile: T = Q_b K_tileᵀ, rescale o by e^{m − m'}, P = e^{T − m'},
 * o += P V_tile.
 */
export function fused(inputs: Inputs, params: Params, dtype: DType, tile = 64): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const scale = softmaxScale(params, d);
  const ws = workspace();
  const ldK = paddedLd(L);
  const [Q, Kt, V, T, O, Y] = ws.frame(dtype, [L * d, d * ldK, L * dv, tile * tile, tile * dv, L * dv]) as FloatArray[] as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  Q.set(inputs['Q']!.data);
  transposeInto(inputs['K']!.data, L, d, Kt, ldK);
  V.set(inputs['V']!.data);
  const m = new Float64Array(tile);
  const l = new Float64Array(tile);
  for (let r0 = 0; r0 < L; r0 += tile) {
    const rows = Math.min(tile, L - r0);
    m.fill(-Infinity);
    l.fill(0);
    O.fill(0);
    for (let s0 = 0; s0 < r0 + rows; s0 += tile) {
      const cols = Math.min(tile, r0 + rows - s0);
      ws.gemm(rows, cols, d, { data: Q, offset: r0 * d, ld: d }, { data: Kt, offset: s0, ld: ldK }, { data: T, ld: tile }, false);
      for (let i = 0; i < rows; i++) {
        const t = r0 + i;
        const last = Math.min(cols, t - s0 + 1); // keys s0 … s0+last−1 are ≤ t
        let tileMax = -Infinity;
        for (let j = 0; j < last; j++) {
          T[i * tile + j] = T[i * tile + j]! * scale;
          if (T[i * tile + j]! > tileMax) tileMax = T[i * tile + j]!;
        }
        const mNew = Math.max(m[i]!, tileMax);
        const correction = Math.exp(m[i]! - mNew);
        l[i] = l[i]! * correction;
        for (let j = 0; j < dv; j++) O[i * dv + j] = O[i * dv + j]! * correction;
        for (let j = 0; j < last; j++) {
          const p = Math.exp(T[i * tile + j]! - mNew);
          T[i * tile + j] = p;
          l[i] = l[i]! + p;
        }
        T.fill(0, i * tile + Math.max(last, 0), i * tile + cols);
        m[i] = mNew;
      }
      ws.gemm(rows, dv, cols, { data: T, ld: tile }, { data: V, offset: s0 * dv, ld: dv }, { data: O, ld: dv }, true);
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < dv; j++) Y[(r0 + i) * dv + j] = O[i * dv + j]! / l[i]!;
    }
  }
  return tensor([L, dv], copyOut(Y));
}
