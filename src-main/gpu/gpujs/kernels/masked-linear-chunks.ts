/**
 * Chunked kernels of the linear-attention family (MIXERS.md §2 `chunked`, §3 `chunked`): chunk c
 * covers tokens cC..cC+C−1. Its own contribution to the state, decayed to its last token:
 * ΔS_c = Σ_{s∈c} λ^{cC+C−1−s} f(k_s) v_sᵀ; the state entering chunk c is
 * S_in(c) = Σ_{c'<c} λ^{(c−1−c')C} ΔS_{c'}; then y_t = λ^{t−cC+1} f(q_t)ᵀ S_in(c) plus the
 * quadratic term inside the chunk (and the same for the normalizer z when normalized).
 */
import type { Cube, KernelThis, Rows } from '../gpujs.js';
import type { FamilyConstants } from './masked-linear-kernels.js';

type K = KernelThis<FamilyConstants>;

/** ΔS_c[i][j]. Output [nc, d, dv]. */
export function chunkStates(this: K, K: Rows, V: Rows): number {
  const c = this.thread.z;
  const i = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  for (let u = 0; u < this.constants.C; u++) {
    const s = c * this.constants.C + u;
    if (s >= this.constants.L) break;
    let k = K[s]![i]!;
    if (this.constants.phi > 0.5) k = k > 0 ? k + 1 : Math.exp(k);
    acc += Math.pow(this.constants.lambda, this.constants.C - 1 - u) * k * V[s]![j]!;
  }
  return acc;
}

/** Δz_c[i]. Output [nc, d]. */
export function chunkNormalizers(this: K, K: Rows): number {
  const c = this.thread.y;
  const i = this.thread.x;
  let acc = 0;
  for (let u = 0; u < this.constants.C; u++) {
    const s = c * this.constants.C + u;
    if (s >= this.constants.L) break;
    let k = K[s]![i]!;
    if (this.constants.phi > 0.5) k = k > 0 ? k + 1 : Math.exp(k);
    acc += Math.pow(this.constants.lambda, this.constants.C - 1 - u) * k;
  }
  return acc;
}

/** S_in(c)[i][j], each chunk summing the chunks before it. Output [nc, d, dv]. */
export function carriedStates(this: K, dS: Cube): number {
  const c = this.thread.z;
  const i = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  for (let p = 0; p < this.constants.L; p++) {
    if (p >= c) break;
    acc += Math.pow(this.constants.lambda, (c - 1 - p) * this.constants.C) * dS[p]![i]![j]!;
  }
  return acc;
}

/** z_in(c)[i]. Output [nc, d]. */
export function carriedNormalizers(this: K, dZ: Rows): number {
  const c = this.thread.y;
  const i = this.thread.x;
  let acc = 0;
  for (let p = 0; p < this.constants.L; p++) {
    if (p >= c) break;
    acc += Math.pow(this.constants.lambda, (c - 1 - p) * this.constants.C) * dZ[p]![i]!;
  }
  return acc;
}

/** W[t][u] = λ^{t−s} f(q_t)·f(k_s) for s = cC+u ≤ t inside t's chunk c. Output [L, C]. */
export function intraChunkWeights(this: K, Q: Rows, K: Rows): number {
  const t = this.thread.y;
  const s = Math.floor(t / this.constants.C) * this.constants.C + this.thread.x;
  if (s > t) return 0;
  let dot = 0;
  for (let i = 0; i < this.constants.d; i++) {
    let q = Q[t]![i]!;
    let k = K[s]![i]!;
    if (this.constants.phi > 0.5) {
      q = q > 0 ? q + 1 : Math.exp(q);
      k = k > 0 ? k + 1 : Math.exp(k);
    }
    dot += q * k;
  }
  return dot * Math.pow(this.constants.lambda, t - s);
}

/** y_t[j] = λ^{t−cC+1} f(q_t)ᵀ S_in(c)[:, j] + Σ_u W[t][u] v_{cC+u}[j]. Output [L, dv]. */
export function chunkReadout(this: K, Q: Rows, V: Rows, W: Rows, Sin: Cube): number {
  const t = this.thread.y;
  const j = this.thread.x;
  const c = Math.floor(t / this.constants.C);
  const start = c * this.constants.C;
  let carried = 0;
  for (let i = 0; i < this.constants.d; i++) {
    let q = Q[t]![i]!;
    if (this.constants.phi > 0.5) q = q > 0 ? q + 1 : Math.exp(q);
    carried += q * Sin[c]![i]![j]!;
  }
  let inner = 0;
  for (let u = 0; u < this.constants.C; u++) {
    if (start + u > t) break;
    inner += W[t]![u]! * V[start + u]![j]!;
  }
  return Math.pow(this.constants.lambda, t - start + 1) * carried + inner;
}

/** chunkReadout divided by the same expression for the normalizer z. Output [L, dv]. */
export function normalizedChunkReadout(this: K, Q: Rows, V: Rows, W: Rows, Sin: Cube, Zin: Rows): number {
  const t = this.thread.y;
  const j = this.thread.x;
  const c = Math.floor(t / this.constants.C);
  const start = c * this.constants.C;
  let num = 0;
  let den = 0;
  for (let i = 0; i < this.constants.d; i++) {
    let q = Q[t]![i]!;
    if (this.constants.phi > 0.5) q = q > 0 ? q + 1 : Math.exp(q);
    num += q * Sin[c]![i]![j]!;
    den += q * Zin[c]![i]!;
  }
  const decay = Math.pow(this.constants.lambda, t - start + 1);
  num *= decay;
  den *= decay;
  for (let u = 0; u < this.constants.C; u++) {
    if (start + u > t) break;
    num += W[t]![u]! * V[start + u]![j]!;
    den += W[t]![u]!;
  }
  return num / den;
}
