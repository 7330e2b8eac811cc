/**
 * CPU kernels of scalar-gated linear attention, the family shared by simple linear attention
 * (a_t = 1, MIXERS.md §2), retention (a_t = λ, §3) and SSD (Q = C, K = B, V = X, §6):
 *   S_t = a_t·S_{t−1} + k_t v_tᵀ,  y_t = S_tᵀ q_t,
 * equivalently Y = ((Q Kᵀ) ⊙ G) V with G_ts = a_{s+1}·…·a_t for s ≤ t (G_tt = 1).
 * Every decay is a running product, never a quotient of prefix products, so gates near 0 cannot
 * produce 0/0. Q, K and V are copied into the kernels' memory in the run's dtype (they may come
 * in either float dtype), the gates are in it; the matmul-shaped stages run on the engine's
 * SIMD matmul (kernels/) over views of its memory, and nothing is allocated inside the loops.
 */
import type { Inputs } from '../../core/mixer.js';
import { allocate, type DType, type FloatArray } from '../../core/tensor.js';
import { causalApply, causalScores, copyOut, maskAboveDiagonal, paddedLd, transposeInto } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';

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

/** Parallel form: the L×L matrix A = (QKᵀ) ⊙ G (lower triangle), then Y = A V; both products on the SIMD matmul. */
export function gatedParallel(p: GatedProblem): FloatArray {
  const { Q, K, V, gates, L, d, dv, dtype } = p;
  const ws = workspace();
  const ld = paddedLd(L);
  const [q, kt, v, A, Y] = ws.frame(dtype, [L * d, d * ld, L * dv, L * ld, L * dv]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  q.set(Q);
  transposeInto(K, L, d, kt, ld);
  v.set(V);
  causalScores(ws, L, d, q, kt, A, ld, ld);
  maskAboveDiagonal(A, L, ld);
  for (let t = 0; t < L; t++) {
    let decay = 1;
    for (let s = t; s >= 0; s--) {
      A[t * ld + s] = A[t * ld + s]! * decay;
      decay *= gates[s]!;
    }
  }
  causalApply(ws, L, dv, A, v, Y, ld);
  return copyOut(Y);
}

/** Recurrent form: one d×dv state S, updated and read once per token in one SIMD pass (kernels/). */
export function gatedRecurrent(p: GatedProblem): FloatArray {
  const { Q, K, V, gates, L, d, dv, dtype } = p;
  const ws = workspace();
  const [S, k, q, v, Y, a] = ws.frame(dtype, [d * dv, d, d, L * dv, L * dv, 1]) as [FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray];
  v.set(V);
  for (let t = 0; t < L; t++) {
    a[0] = gates[t]!;
    k.set(K.subarray(t * d, (t + 1) * d));
    q.set(Q.subarray(t * d, (t + 1) * d));
    ws.step(d, dv, S, k, q, { data: v, offset: t * dv, ld: dv }, { data: Y, offset: t * dv, ld: dv }, a);
  }
  return copyOut(Y);
}

/**
 * Chunked form, chunk size C: inside a chunk [c0, c1) the quadratic form on a C×C block; across
 * chunks the state S carried in, entering token t decayed by P_t = a_{c0}·…·a_t:
 *   y_t = Σ_{c0≤s≤t} G_ts (q_t·k_s) v_s + P_t · S_inᵀ q_t,
 *   S_out = P_{c1−1}·S_in + Σ_{c0≤s<c1} (a_{s+1}·…·a_{c1−1}) k_s v_sᵀ.
 * The block scores, A·V, Q_c·S and the state update (decayed K_cᵀ)·V_c are SIMD matmuls.
 */
export function gatedChunked(p: GatedProblem, C: number): FloatArray {
  const { Q, K, V, gates, L, d, dv, dtype } = p;
  const width = Math.min(C, L);
  const ws = workspace();
  const ldK = paddedLd(L);
  const ldA = paddedLd(width);
  const [q, kt, v, A, S, Y, carried, weighted] = ws.frame(dtype, [L * d, d * ldK, L * dv, width * ldA, d * dv, L * dv, width * dv, d * ldA]) as FloatArray[];
  const [qv, ktv, vv, Av, Sv, Yv, carriedv, weightedv] = [q!, kt!, v!, A!, S!, Y!, carried!, weighted!];
  qv.set(Q);
  transposeInto(K, L, d, ktv, ldK);
  vv.set(V);
  const P = new Float64Array(width);
  for (let c0 = 0; c0 < L; c0 += C) {
    const n = Math.min(L, c0 + C) - c0;
    P[0] = gates[c0]!;
    for (let t = 1; t < n; t++) P[t] = P[t - 1]! * gates[c0 + t]!;
    ws.gemm(n, n, d, { data: qv, offset: c0 * d, ld: d }, { data: ktv, offset: c0, ld: ldK }, { data: Av, ld: ldA }, false);
    for (let t = 0; t < n; t++) {
      Av.fill(0, t * ldA + t + 1, t * ldA + n);
      let decay = 1;
      for (let s = t; s >= 0; s--) {
        Av[t * ldA + s] = Av[t * ldA + s]! * decay;
        decay *= gates[c0 + s]!;
      }
    }
    // Y_c = diag(P) (Q_c S_in) + A V_c
    ws.gemm(n, dv, d, { data: qv, offset: c0 * d, ld: d }, { data: Sv, ld: dv }, { data: carriedv, ld: dv }, false);
    ws.gemm(n, dv, n, { data: Av, ld: ldA }, { data: vv, offset: c0 * dv, ld: dv }, { data: Yv, offset: c0 * dv, ld: dv }, false);
    for (let t = 0; t < n; t++) {
      for (let j = 0; j < dv; j++) Yv[(c0 + t) * dv + j] = Yv[(c0 + t) * dv + j]! + P[t]! * carriedv[t * dv + j]!;
    }
    // S_out = P_last S_in + (K_c decayed)ᵀ V_c
    const through = P[n - 1]!;
    for (let i = 0; i < d * dv; i++) Sv[i] = through * Sv[i]!;
    let decay = 1;
    for (let s = n - 1; s >= 0; s--) {
      for (let i = 0; i < d; i++) weightedv[i * ldA + s] = decay * ktv[i * ldK + c0 + s]!;
      decay *= gates[c0 + s]!;
    }
    ws.gemm(d, dv, n, { data: weightedv, ld: ldA }, { data: vv, offset: c0 * dv, ld: dv }, { data: Sv, ld: dv }, true);
  }
  return copyOut(Yv);
}

/**
 * Q, K, V of a mixer's inputs as they are (the kernels copy them into their memory in the run's
 * dtype: the rounding of a cast without a fresh array per call), with one constant gate value at
 * every step.
 */
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
  return { Q: Q.data, K: inputs['K']!.data, V: inputs['V']!.data, gates, L, d, dv, dtype };
}
