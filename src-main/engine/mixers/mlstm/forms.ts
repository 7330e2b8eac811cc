/** The CPU kernels of mLSTM (MIXERS.md §7), in the run's dtype, both with the max-stabilizer m_t. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { causalApply, causalScores, copyOut, maskAboveDiagonal, qkvFrame } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { qkvSizes } from '../common/qkv.js';
import { logSigmoid } from './reference.js';

function load(inputs: Inputs, dtype: DType) {
  return {
    Q: cast(inputs['Q']!, dtype).data,
    K: cast(inputs['K']!, dtype).data,
    V: cast(inputs['V']!, dtype).data,
    igate: cast(inputs['igate']!, dtype).data,
    fgate: cast(inputs['fgate']!, dtype).data,
  };
}

/**
 * Stabilized recurrence (xLSTM eqs. 15-17): m_t = max(log f_t + m_{t−1}, ĩ_t),
 * i'_t = e^{ĩ_t − m_t}, f'_t = e^{log f_t + m_{t−1} − m_t}; C̃ and ñ are C and n scaled by e^{−m_t},
 * so h_t = C̃_t q_t / max(|ñ_tᵀq_t|, e^{−m_t}). m_0 = −∞ since C_0 = 0.
 * C̃_t = f'_t C̃_{t−1} + (i'_t k_t) v_tᵀ and C̃_tᵀ q_t are one SIMD step (kernels/) per token.
 */
export function recurrent(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const { Q, K, igate, fgate } = load(inputs, dtype);
  const keyScale = 1 / Math.sqrt(d);
  const n = allocate(dtype, d);
  const ws = workspace();
  const [C, k, q, V, Y, f] = ws.frame(dtype, [d * dv, d, d, L * dv, L * dv, 1]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  V.set(inputs['V']!.data);
  let m = -Infinity;
  for (let t = 0; t < L; t++) {
    const logF = logSigmoid(fgate[t]!);
    const mNew = Math.max(logF + m, igate[t]!);
    f[0] = Math.exp(logF + m - mNew);
    const i = Math.exp(igate[t]! - mNew);
    m = mNew;
    let nq = 0;
    for (let a = 0; a < d; a++) {
      k[a] = i * K[t * d + a]! * keyScale;
      q[a] = Q[t * d + a]!;
      n[a] = f[0]! * n[a]! + k[a]!;
      nq += n[a]! * q[a]!;
    }
    ws.step(d, dv, C, k, q, { data: V, offset: t * dv, ld: dv }, { data: Y, offset: t * dv, ld: dv }, f);
    const denominator = Math.max(Math.abs(nq), Math.exp(-m));
    for (let j = t * dv; j < (t + 1) * dv; j++) Y[j] = Y[j]! / denominator;
  }
  return tensor([L, dv], copyOut(Y));
}

/**
 * Parallel form (xLSTM appendix, stabilized): log-gate matrix D̃_ts = Σ_{r=s+1..t} log f_r + ĩ_s
 * (s ≤ t, summed per row so no long cumulative sum loses precision), row max m_t,
 * C̃ = (QKᵀ/√d) ⊙ e^{D̃ − m} in place, n_t = max(|Σ_s C̃_ts|, e^{−m_t}), Y = (C̃ V)/n.
 * QKᵀ and C̃ V run on the SIMD matmul; D̃ is walked twice per row (max, then weights), never stored.
 */
export function parallel(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const { igate, fgate } = load(inputs, dtype);
  const keyScale = 1 / Math.sqrt(d);
  const logF = allocate(dtype, L);
  for (let t = 0; t < L; t++) logF[t] = logSigmoid(fgate[t]!);
  const ws = workspace();
  const { ld, Q, Kt, V, S, Y } = qkvFrame(ws, dtype, inputs, L, d, dv);
  causalScores(ws, L, d, Q, Kt, S, ld, ld);
  maskAboveDiagonal(S, L, ld);
  const denominators = new Float64Array(L);
  for (let t = 0; t < L; t++) {
    let decay = 0;
    let m = -Infinity;
    for (let s = t; s >= 0; s--) {
      m = Math.max(m, decay + igate[s]!);
      decay += logF[s]!;
    }
    decay = 0;
    let rowSum = 0;
    for (let s = t; s >= 0; s--) {
      S[t * ld + s] = S[t * ld + s]! * keyScale * Math.exp(decay + igate[s]! - m);
      rowSum += S[t * ld + s]!;
      decay += logF[s]!;
    }
    denominators[t] = Math.max(Math.abs(rowSum), Math.exp(-m));
  }
  causalApply(ws, L, dv, S, V, Y, ld);
  for (let t = 0; t < L; t++) {
    for (let j = t * dv; j < (t + 1) * dv; j++) Y[j] = Y[j]! / denominators[t]!;
  }
  return tensor([L, dv], copyOut(Y));
}
