/**
 * The CPU kernels of TTT-linear (MIXERS.md §8), in the run's dtype. W (dv×d) is held transposed,
 * Wt = Wᵀ (d×dv, row-major), so that W k = Wtᵀ k is a read-out and the rank-1 update is a row
 * update: both forms run on the SIMD kernels of kernels/ over views of their memory.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { copyOut, paddedLd } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { qkvSizes } from '../common/qkv.js';
import { tttBatch, tttStep } from './reference.js';

/**
 * e = W k_t − v_t, W ← W − η e k_tᵀ, y_t = W q_t: per token a read-out (e = Wtᵀ k_t) and one
 * recurrence step Wt ← 1·Wt + (−η k_t) eᵀ, y_t += Wtᵀ q_t.
 */
export function recurrent(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const eta = tttStep(params, d);
  const ws = workspace();
  const [Wt, K, Q, V, Y, e, step, one] = ws.frame(dtype, [d * dv, L * d, L * d, L * dv, L * dv, dv, d, 1]) as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  K.set(inputs['K']!.data);
  Q.set(inputs['Q']!.data);
  V.set(inputs['V']!.data);
  one[0] = 1;
  for (let t = 0; t < L; t++) {
    e.fill(0);
    ws.readout(d, dv, { data: Wt, ld: dv }, { data: K, offset: t * d, ld: 1 }, { data: e, ld: dv });
    for (let j = 0; j < dv; j++) e[j] = e[j]! - V[t * dv + j]!;
    for (let i = 0; i < d; i++) step[i] = -eta * K[t * d + i]!;
    ws.step(d, dv, Wt, step, Q.subarray(t * d, (t + 1) * d), { data: e, ld: dv }, { data: Y, offset: t * dv, ld: dv }, one);
  }
  return tensor([L, dv], copyOut(Y));
}

/**
 * Mini-batch GD in the dual form of the TTT paper: for a batch of c tokens at weights W_0,
 * E = K_b W_0ᵀ − V_b (c×dv residuals), A_ru = k_u·q_r for u ≤ r (c×c, causal),
 * y_r = W_0 q_r − η Σ_{u≤r} A_ru e_u, then W ← W_0 − η Eᵀ K_b. No per-token W is ever formed.
 * The five products per batch (K_b Wt, Q_b Wt, Q_b K_bᵀ, A E, K_bᵀ E) are SIMD matmuls; E starts as
 * −V_b and is scaled by −η once, so the correction and the update accumulate straight into Y and
 * Wt. Every stage stays in the run's dtype on the kernels' memory.
 */
export function miniBatch(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const eta = tttStep(params, d);
  const b = Math.min(tttBatch(params), L);
  const ws = workspace();
  const ldK = paddedLd(L);
  const ldA = paddedLd(b);
  const [Wt, K, Kt, Q, V, Y, E, A, factors] = ws.frame(dtype, [d * dv, L * d, d * ldK, L * d, L * dv, L * dv, b * dv, b * ldA, 2]) as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  K.set(inputs['K']!.data);
  ws.transpose(L, d, { data: K, ld: d }, { data: Kt, ld: ldK });
  Q.set(inputs['Q']!.data);
  V.set(inputs['V']!.data);
  factors[0] = -1;
  factors[1] = -eta;
  const residuals = { data: E, ld: dv };
  for (let t0 = 0; t0 < L; t0 += b) {
    const c = Math.min(b, L - t0);
    const Kb = { data: K, offset: t0 * d, ld: d };
    const Qb = { data: Q, offset: t0 * d, ld: d };
    const KbT = { data: Kt, offset: t0, ld: ldK };
    const Yb = { data: Y, offset: t0 * dv, ld: dv };
    // E = K_b Wt − V_b, then E ← −η E.
    ws.scaleRows(1, c * dv, { data: V, offset: t0 * dv, ld: c * dv }, { data: E, ld: c * dv }, { data: factors, ld: 1 }, 0);
    ws.gemm(c, dv, d, Kb, { data: Wt, ld: dv }, residuals, true);
    ws.scaleRows(1, c * dv, { data: E, ld: c * dv }, { data: E, ld: c * dv }, { data: factors, offset: 1, ld: 1 }, 0);
    ws.gemm(c, dv, d, Qb, { data: Wt, ld: dv }, Yb, false);
    ws.gemm(c, c, d, Qb, KbT, { data: A, ld: ldA }, false);
    for (let r = 0; r < c; r++) A.fill(0, r * ldA + r + 1, r * ldA + c);
    // y_r += Σ_u A_ru (−η e_u), Wt += K_bᵀ (−η E)
    ws.gemm(c, dv, c, { data: A, ld: ldA }, residuals, Yb, true);
    ws.gemm(d, dv, c, KbT, residuals, { data: Wt, ld: dv }, true);
  }
  return tensor([L, dv], copyOut(Y));
}
