/**
 * Softmax attention (MIXERS.md §1) in gpu.js. `materialized` is the form itself (scores, row max,
 * row sum, probabilities and P·V as five stages, L×L held). `fused` streams each row with the
 * online softmax and never holds L×L, but one thread computes one output, so each of a row's dv
 * outputs recomputes that row's scores.
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { matrix, stage, type GpujsInstance, type KernelThis, type Rows, type Vec } from '../gpujs.js';
import { dim, type GpujsMixerKernels, type GpujsPlan } from './plan.js';

interface Sizes {
  readonly L: number;
  readonly d: number;
  readonly dv: number;
  readonly scale: number;
}
type K = KernelThis<Sizes>;

/** S[t][s] = q_t·k_s·scale for s ≤ t (the upper triangle is never read). Output [L, L]. */
function scores(this: K, Q: Rows, K: Rows): number {
  const t = this.thread.y;
  const s = this.thread.x;
  if (s > t) return 0;
  let dot = 0;
  for (let i = 0; i < this.constants.d; i++) dot += Q[t]![i]! * K[s]![i]!;
  return dot * this.constants.scale;
}

/** m_t = max_{s≤t} S[t][s]. Output [L]. */
function rowMax(this: K, S: Rows): number {
  const t = this.thread.x;
  let m = S[t]![0]!;
  for (let s = 1; s < this.constants.L; s++) {
    if (s > t) break;
    m = Math.max(m, S[t]![s]!);
  }
  return m;
}

/** ℓ_t = Σ_{s≤t} exp(S[t][s] − m_t). Output [L]. */
function rowSum(this: K, S: Rows, m: Vec): number {
  const t = this.thread.x;
  let sum = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    sum += Math.exp(S[t]![s]! - m[t]!);
  }
  return sum;
}

/** P[t][s] = exp(S[t][s] − m_t) / ℓ_t. Output [L, L]. */
function probabilities(this: K, S: Rows, m: Vec, l: Vec): number {
  const t = this.thread.y;
  const s = this.thread.x;
  if (s > t) return 0;
  return Math.exp(S[t]![s]! - m[t]!) / l[t]!;
}

/** Y = P V. Output [L, dv]. */
function mix(this: K, P: Rows, V: Rows): number {
  const t = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    acc += P[t]![s]! * V[s]![j]!;
  }
  return acc;
}

/** y_t[j] by the online softmax: running max m, running sum ℓ, running output o. Output [L, dv]. */
function onlineSoftmax(this: K, Q: Rows, K: Rows, V: Rows): number {
  const t = this.thread.y;
  const j = this.thread.x;
  let m = -1e30;
  let l = 0;
  let o = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    let dot = 0;
    for (let i = 0; i < this.constants.d; i++) dot += Q[t]![i]! * K[s]![i]!;
    const x = dot * this.constants.scale;
    const mNew = Math.max(m, x);
    const correction = Math.exp(m - mNew);
    const p = Math.exp(x - mNew);
    l = l * correction + p;
    o = o * correction + p * V[s]![j]!;
    m = mNew;
  }
  return o / l;
}

function sizes(dims: Dims, params: Params): Sizes {
  const d = dim(dims, 'd');
  const given = Number(params['scale'] ?? 0);
  return { L: dim(dims, 'L'), d, dv: dim(dims, 'dv'), scale: given > 0 ? given : 1 / Math.sqrt(d) };
}

function materializedPlan(gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = sizes(dims, params);
  const stages = {
    scores: stage(gpu, scores, [k.L, k.L], k),
    max: stage(gpu, rowMax, [k.L], k),
    sum: stage(gpu, rowSum, [k.L], k),
    probabilities: stage(gpu, probabilities, [k.L, k.L], k),
    mix: stage(gpu, mix, [k.dv, k.L], k),
  };
  return {
    stages: Object.values(stages),
    outputShape: [k.L, k.dv],
    async run(x, keep) {
      const S = keep(await stages.scores(matrix(x['Q']!, k.L, k.d), matrix(x['K']!, k.L, k.d)));
      const m = keep(await stages.max(S));
      const l = keep(await stages.sum(S, m));
      const P = keep(await stages.probabilities(S, m, l));
      return stages.mix(P, matrix(x['V']!, k.L, k.dv));
    },
  };
}

function fusedPlan(gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = sizes(dims, params);
  const fused = stage(gpu, onlineSoftmax, [k.dv, k.L], k);
  return {
    stages: [fused],
    outputShape: [k.L, k.dv],
    run: (x) => fused(matrix(x['Q']!, k.L, k.d), matrix(x['K']!, k.L, k.d), matrix(x['V']!, k.L, k.dv)),
  };
}

export const softmaxAttentionKernels: GpujsMixerKernels = {
  materialized: { fidelity: 'exact', build: materializedPlan },
  fused: {
    fidelity: 'approximate',
    note:
      'online softmax without the L×L matrix, as the form states, but one output per thread: every one of the dv outputs ' +
      'of a row recomputes its L scores, O(L²·d·dv) work instead of O(L²·(d+dv)); no tiles in shared memory',
    build: fusedPlan,
  },
};
