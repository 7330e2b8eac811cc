/**
 * CPU kernels of scalar-gated linear attention, the family shared by simple linear attention
 * (a_t = 1, MIXERS.md §2), retention (a_t = λ, §3) and SSD (Q = C, K = B, V = X, §6):
 *   S_t = a_t·S_{t−1} + k_t v_tᵀ,  y_t = S_tᵀ q_t,
 * equivalently Y = ((Q Kᵀ) ⊙ G) V with G_ts = a_{s+1}·…·a_t for s ≤ t (G_tt = 1).
 * Every decay is a running product, never a quotient of prefix products, so gates near 0 cannot
 * produce 0/0. All arrays are in the run's dtype; no allocation happens inside the loops.
 */
import type { Inputs } from '../../core/mixer.js';
import { allocate, cast, type DType, type FloatArray } from '../../core/tensor.js';

export interface GatedProblem {
  readonly Q: FloatArray;
  readonly K: FloatArray;
  readonly V: FloatArray;
  /** a_t for t = 0..L−1; a_0 only ever multiplies the empty initial state. */
  readonly gates: FloatArray;
  readonly L: number;
  readonly d: number;
  readonly dv: number;
  readonly dtype: DType;
}

/** Parallel form: the L×L matrix A = (QKᵀ) ⊙ G (lower triangle), then Y = A V. */
export function gatedParallel(p: GatedProblem): FloatArray {
  const { Q, K, V, gates, L, d, dv, dtype } = p;
  const A = allocate(dtype, L * L);
  const Y = allocate(dtype, L * dv);
  for (let t = 0; t < L; t++) {
    let decay = 1;
    for (let s = t; s >= 0; s--) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
      A[t * L + s] = dot * decay;
      decay *= gates[s]!;
    }
  }
  for (let t = 0; t < L; t++) {
    for (let s = 0; s <= t; s++) {
      const w = A[t * L + s]!;
      for (let j = 0; j < dv; j++) Y[t * dv + j] = Y[t * dv + j]! + w * V[s * dv + j]!;
    }
  }
  return Y;
}

/** Recurrent form: one d×dv state S, updated and read once per token. */
export function gatedRecurrent(p: GatedProblem): FloatArray {
  const { Q, K, V, gates, L, d, dv, dtype } = p;
  const S = allocate(dtype, d * dv);
  const Y = allocate(dtype, L * dv);
  for (let t = 0; t < L; t++) {
    const a = gates[t]!;
    for (let i = 0; i < d; i++) {
      const k = K[t * d + i]!;
      for (let j = 0; j < dv; j++) S[i * dv + j] = a * S[i * dv + j]! + k * V[t * dv + j]!;
    }
    for (let j = 0; j < dv; j++) {
      let y = 0;
      for (let i = 0; i < d; i++) y += Q[t * d + i]! * S[i * dv + j]!;
      Y[t * dv + j] = y;
    }
  }
  return Y;
}

/**
 * Chunked form, chunk size C: inside a chunk [c0, c1) the quadratic form on a C×C block; across
 * chunks the state S carried in, entering token t decayed by P_t = a_{c0}·…·a_t:
 *   y_t = Σ_{c0≤s≤t} G_ts (q_t·k_s) v_s + P_t · S_inᵀ q_t,
 *   S_out = P_{c1−1}·S_in + Σ_{c0≤s<c1} (a_{s+1}·…·a_{c1−1}) k_s v_sᵀ.
 */
export function gatedChunked(p: GatedProblem, C: number): FloatArray {
  const { Q, K, V, gates, L, d, dv, dtype } = p;
  const width = Math.min(C, L);
  const A = allocate(dtype, width * width);
  const P = allocate(dtype, width);
  const S = allocate(dtype, d * dv);
  const Y = allocate(dtype, L * dv);
  for (let c0 = 0; c0 < L; c0 += C) {
    const c1 = Math.min(L, c0 + C);
    P[0] = gates[c0]!;
    for (let t = c0 + 1; t < c1; t++) P[t - c0] = P[t - c0 - 1]! * gates[t]!;
    for (let t = c0; t < c1; t++) {
      let decay = 1;
      for (let s = t; s >= c0; s--) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
        A[(t - c0) * width + (s - c0)] = dot * decay;
        decay *= gates[s]!;
      }
      const carried = P[t - c0]!;
      for (let j = 0; j < dv; j++) {
        let y = 0;
        for (let i = 0; i < d; i++) y += Q[t * d + i]! * S[i * dv + j]!;
        y *= carried;
        for (let s = c0; s <= t; s++) y += A[(t - c0) * width + (s - c0)]! * V[s * dv + j]!;
        Y[t * dv + j] = y;
      }
    }
    const through = P[c1 - c0 - 1]!;
    for (let i = 0; i < d * dv; i++) S[i] = through * S[i]!;
    let decay = 1;
    for (let s = c1 - 1; s >= c0; s--) {
      for (let i = 0; i < d; i++) {
        const k = decay * K[s * d + i]!;
        for (let j = 0; j < dv; j++) S[i * dv + j] = S[i * dv + j]! + k * V[s * dv + j]!;
      }
      decay *= gates[s]!;
    }
  }
  return Y;
}

/** Q, K, V of a mixer's inputs cast to the run's dtype, with one constant gate value at every step. */
export function constantGateProblem(
  inputs: Inputs,
  dtype: DType,
  gate: number,
): GatedProblem {
  const Q = inputs['Q']!;
  const [L, d] = Q.shape as [number, number];
  const dv = inputs['V']!.shape[1]!;
  const gates = allocate(dtype, L);
  gates.fill(gate);
  return { Q: cast(Q, dtype).data, K: cast(inputs['K']!, dtype).data, V: cast(inputs['V']!, dtype).data, gates, L, d, dv, dtype };
}
