/** The CPU kernels of mLSTM (MIXERS.md §7), in the run's dtype, both with the max-stabilizer m_t. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type Tensor } from '../../core/tensor.js';
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
 */
export function recurrent(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const { Q, K, V, igate, fgate } = load(inputs, dtype);
  const keyScale = 1 / Math.sqrt(d);
  const C = allocate(dtype, d * dv);
  const n = allocate(dtype, d);
  const Y = allocate(dtype, L * dv);
  let m = -Infinity;
  for (let t = 0; t < L; t++) {
    const logF = logSigmoid(fgate[t]!);
    const mNew = Math.max(logF + m, igate[t]!);
    const f = Math.exp(logF + m - mNew);
    const i = Math.exp(igate[t]! - mNew);
    m = mNew;
    let nq = 0;
    for (let a = 0; a < d; a++) {
      const k = i * K[t * d + a]! * keyScale;
      n[a] = f * n[a]! + k;
      nq += n[a]! * Q[t * d + a]!;
      for (let j = 0; j < dv; j++) C[a * dv + j] = f * C[a * dv + j]! + k * V[t * dv + j]!;
    }
    const denominator = Math.max(Math.abs(nq), Math.exp(-m));
    for (let j = 0; j < dv; j++) {
      let h = 0;
      for (let a = 0; a < d; a++) h += C[a * dv + j]! * Q[t * d + a]!;
      Y[t * dv + j] = h / denominator;
    }
  }
  return tensor([L, dv], Y);
}

/**
 * Parallel form (xLSTM appendix, stabilized): log-gate matrix D̃_ts = Σ_{r=s+1..t} log f_r + ĩ_s
 * (s ≤ t, summed per row so no long cumulative sum loses precision), row max m_t,
 * C̃ = (QKᵀ/√d) ⊙ e^{D̃ − m} in place, n_t = max(|Σ_s C̃_ts|, e^{−m_t}), Y = (C̃/n) V.
 */
export function parallel(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const { Q, K, V, igate, fgate } = load(inputs, dtype);
  const keyScale = 1 / Math.sqrt(d);
  const logF = allocate(dtype, L);
  const S = allocate(dtype, L * L);
  const rowMax = allocate(dtype, L);
  const Y = allocate(dtype, L * dv);
  for (let t = 0; t < L; t++) logF[t] = logSigmoid(fgate[t]!);
  for (let t = 0; t < L; t++) {
    let decay = 0;
    let m = -Infinity;
    for (let s = t; s >= 0; s--) {
      S[t * L + s] = decay + igate[s]!;
      if (S[t * L + s]! > m) m = S[t * L + s]!;
      decay += logF[s]!;
    }
    rowMax[t] = m;
  }
  for (let t = 0; t < L; t++) {
    let rowSum = 0;
    for (let s = 0; s <= t; s++) {
      let dot = 0;
      for (let a = 0; a < d; a++) dot += Q[t * d + a]! * K[s * d + a]!;
      S[t * L + s] = dot * keyScale * Math.exp(S[t * L + s]! - rowMax[t]!);
      rowSum += S[t * L + s]!;
    }
    const denominator = Math.max(Math.abs(rowSum), Math.exp(-rowMax[t]!));
    for (let s = 0; s <= t; s++) {
      const w = S[t * L + s]! / denominator;
      for (let j = 0; j < dv; j++) Y[t * dv + j] = Y[t * dv + j]! + w * V[s * dv + j]!;
    }
  }
  return tensor([L, dv], Y);
}
