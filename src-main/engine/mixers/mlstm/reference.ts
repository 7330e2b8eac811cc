/**
 * Float64 reference for mLSTM (MIXERS.md §7), the unrolled definition of the recurrence:
 * C_t = Σ_{s≤t} w_ts v_s k̂_sᵀ and n_t = Σ_{s≤t} w_ts k̂_s with k̂_s = k_s/√d,
 * w_ts = i_s·f_{s+1}·…·f_t = exp(ĩ_s + Σ_{r=s+1..t} log σ(f̃_r)), and h_t = C_t q_t / max(|n_tᵀq_t|, 1).
 * The weights stay in log space and are divided by e^{m_t}, m_t = max_s log w_ts, so any finite ĩ
 * (700, 800, ...) gives finite numbers:
 * h_t = Σ_s e^{log w_ts − m_t}(q_t·k̂_s) v_s / max(|Σ_s e^{log w_ts − m_t}(q_t·k̂_s)|, e^{−m_t}).
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';

/** log σ(x) without overflow for either sign of x. */
export function logSigmoid(x: number): number {
  return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
}

/** The effective row a ∈ R^{t+1}: h_t = Σ_s a_s v_s (the decayed, gated, normalized row). */
export function mlstmRow(inputs: Inputs, _params: Params, t: number): Float64Array {
  const { d } = qkvSizes(inputs);
  const Q = inputs['Q']!.data;
  const K = inputs['K']!.data;
  const igate = inputs['igate']!.data;
  const fgate = inputs['fgate']!.data;
  const row = new Float64Array(t + 1);
  const logW = new Float64Array(t + 1);
  let decay = 0;
  let m = -Infinity;
  for (let s = t; s >= 0; s--) {
    logW[s] = igate[s]! + decay;
    m = Math.max(m, logW[s]!);
    decay += logSigmoid(fgate[s]!);
  }
  let normalizer = 0;
  for (let s = 0; s <= t; s++) {
    let dot = 0;
    for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
    row[s] = (Math.exp(logW[s]! - m) * dot) / Math.sqrt(d);
    normalizer += row[s]!;
  }
  const denominator = Math.max(Math.abs(normalizer), Math.exp(-m));
  for (let s = 0; s <= t; s++) row[s] = row[s]! / denominator;
  return row;
}

export function mlstmReference(inputs: Inputs, params: Params): Tensor {
  const { L, dv } = qkvSizes(inputs);
  const V = inputs['V']!.data;
  const Y = new Float64Array(L * dv);
  for (let t = 0; t < L; t++) {
    const a = mlstmRow(inputs, params, t);
    for (let s = 0; s <= t; s++) {
      for (let j = 0; j < dv; j++) Y[t * dv + j] = Y[t * dv + j]! + a[s]! * V[s * dv + j]!;
    }
  }
  return tensor([L, dv], Y);
}
