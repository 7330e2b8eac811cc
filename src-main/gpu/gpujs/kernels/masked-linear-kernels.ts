/**
 * gpu.js kernels of the linear-attention family (MIXERS.md §2, §3, §4 with causal or decay mask):
 * y_t = Σ_{s≤t} λ^{t−s} (f(q_t)·f(k_s)) v_s, divided by Σ_{s≤t} λ^{t−s} f(q_t)·f(k_s) when
 * normalized. f is elu+1 when `phi` is 1, else the identity; λ = 1 means no decay.
 * Written in gpu.js's JavaScript subset: loops bounded by size constants, one output per thread.
 */
import type { Cube, KernelThis, Rows, Vec } from '../gpujs.js';

export interface FamilyConstants {
  readonly L: number;
  readonly d: number;
  readonly dv: number;
  readonly C: number;
  readonly phi: number;
  readonly lambda: number;
}

type K = KernelThis<FamilyConstants>;

/** Row sums of A: the denominator A·1. Output [L]. */
export function rowSums(this: K, A: Rows): number {
  const t = this.thread.x;
  let sum = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    sum += A[t]![s]!;
  }
  return sum;
}

/** Y = A V. Output [L, dv]. */
export function weightedValues(this: K, A: Rows, V: Rows): number {
  const t = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    acc += A[t]![s]! * V[s]![j]!;
  }
  return acc;
}

/** Y = (A V) / (A 1). Output [L, dv]. */
export function normalizedValues(this: K, A: Rows, V: Rows, rowSum: Vec): number {
  const t = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    acc += A[t]![s]! * V[s]![j]!;
  }
  return acc / rowSum[t]!;
}

/** Every state S_t[i][j] = Σ_{s≤t} λ^{t−s} f(k_s)_i v_s[j], each summed on its own. Output [L, d, dv]. */
export function prefixStates(this: K, K: Rows, V: Rows): number {
  const t = this.thread.z;
  const i = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    let k = K[s]![i]!;
    if (this.constants.phi > 0.5) k = k > 0 ? k + 1 : Math.exp(k);
    acc += Math.pow(this.constants.lambda, t - s) * k * V[s]![j]!;
  }
  return acc;
}

/** Every normalizer z_t[i] = Σ_{s≤t} λ^{t−s} f(k_s)_i. Output [L, d]. */
export function prefixNormalizers(this: K, K: Rows): number {
  const t = this.thread.y;
  const i = this.thread.x;
  let acc = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    let k = K[s]![i]!;
    if (this.constants.phi > 0.5) k = k > 0 ? k + 1 : Math.exp(k);
    acc += Math.pow(this.constants.lambda, t - s) * k;
  }
  return acc;
}

/** y_t[j] = Σ_i f(q_t)_i S_t[i][j]. Output [L, dv]. */
export function stateReadout(this: K, Q: Rows, S: Cube): number {
  const t = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  for (let i = 0; i < this.constants.d; i++) {
    let q = Q[t]![i]!;
    if (this.constants.phi > 0.5) q = q > 0 ? q + 1 : Math.exp(q);
    acc += q * S[t]![i]![j]!;
  }
  return acc;
}

/** y_t[j] = f(q_t)ᵀ S_t[:, j] / f(q_t)·z_t. Output [L, dv]. */
export function normalizedStateReadout(this: K, Q: Rows, S: Cube, Z: Rows): number {
  const t = this.thread.y;
  const j = this.thread.x;
  let num = 0;
  let den = 0;
  for (let i = 0; i < this.constants.d; i++) {
    let q = Q[t]![i]!;
    if (this.constants.phi > 0.5) q = q > 0 ? q + 1 : Math.exp(q);
    num += q * S[t]![i]![j]!;
    den += q * Z[t]![i]!;
  }
  return num / den;
}
