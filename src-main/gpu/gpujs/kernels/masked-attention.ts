/**
 * Structured-mask attention (MIXERS.md §4), Y = ((QKᵀ) ⊙ M) V with M_ts = g_{s+1}·…·g_t and the
 * per-step factor g_t = 1 (causal), λ (decay) or a_t (selective). M_ts is formed as a running
 * product leftwards from the diagonal, as the reference does, which stays accurate in float32
 * where a difference of cumulative logs would not.
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { matrix, stage, vector, type GpujsInstance, type KernelThis, type Rows, type Vec, type Cube } from '../gpujs.js';
import { weightedValues } from './masked-linear-kernels.js';
import { dim, type Float32Inputs, type GpujsMixerKernels, type GpujsPlan } from './plan.js';

interface Sizes {
  readonly L: number;
  readonly d: number;
  readonly dv: number;
}
type K = KernelThis<Sizes>;

/** (q_t·k_s)·M_ts, M_ts by a product of t−s factors. Output [L, L]. */
function maskedScores(this: K, Q: Rows, K: Rows, g: Vec): number {
  const t = this.thread.y;
  const s = this.thread.x;
  if (s > t) return 0;
  let m = 1;
  for (let u = 1; u < this.constants.L; u++) {
    if (u > t - s) break;
    m *= g[s + u]!;
  }
  let dot = 0;
  for (let i = 0; i < this.constants.d; i++) dot += Q[t]![i]! * K[s]![i]!;
  return dot * m;
}

/** Step 1: Z[t][i][j] = k_t[i]·v_t[j]. Output [L, d, dv]. */
function outerProducts(this: K, K: Rows, V: Rows): number {
  return K[this.thread.z]![this.thread.y]! * V[this.thread.z]![this.thread.x]!;
}

/** Step 2: H[t] = Σ_{s≤t} M_ts Z[s], each entry summed leftwards on its own. Output [L, d, dv]. */
function maskedPrefix(this: K, Z: Cube, g: Vec): number {
  const t = this.thread.z;
  const i = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  let m = 1;
  for (let u = 0; u < this.constants.L; u++) {
    if (u > t) break;
    const s = t - u;
    acc += m * Z[s]![i]![j]!;
    m *= g[s]!;
  }
  return acc;
}

/** Steps 3 and 4: Y[t][j] = Σ_i Q[t][i]·H[t][i][j]. Output [L, dv]. */
function contractQueries(this: K, Q: Rows, H: Cube): number {
  let acc = 0;
  for (let i = 0; i < this.constants.d; i++) acc += Q[this.thread.y]![i]! * H[this.thread.y]![i]![this.thread.x]!;
  return acc;
}

/** g_t for t = 0..L−1 from the mask parameter (and tensor a for the selective mask). */
function stepFactors(x: Float32Inputs, params: Params, L: number): Float32Array {
  const kind = String(params['mask'] ?? 'causal');
  if (kind === 'selective') return x['a']!;
  return new Float32Array(L).fill(kind === 'decay' ? Number(params['lambda'] ?? 0.97) : 1);
}

function sizes(dims: Dims): Sizes {
  return { L: dim(dims, 'L'), d: dim(dims, 'd'), dv: dim(dims, 'dv') };
}

function quadraticPlan(gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = sizes(dims);
  const scores = stage(gpu, maskedScores, [k.L, k.L], k);
  const mix = stage(gpu, weightedValues, [k.dv, k.L], k);
  return {
    stages: [scores, mix],
    outputShape: [k.L, k.dv],
    async run(x, keep) {
      const g = vector(stepFactors(x, params, k.L));
      const W = keep(await scores(matrix(x['Q']!, k.L, k.d), matrix(x['K']!, k.L, k.d), g));
      return mix(W, matrix(x['V']!, k.L, k.dv));
    },
  };
}

function fourStepPlan(gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = sizes(dims);
  const outer = stage(gpu, outerProducts, [k.dv, k.d, k.L], k);
  const prefix = stage(gpu, maskedPrefix, [k.dv, k.d, k.L], k);
  const contract = stage(gpu, contractQueries, [k.dv, k.L], k);
  return {
    stages: [outer, prefix, contract],
    outputShape: [k.L, k.dv],
    async run(x, keep) {
      const Z = keep(await outer(matrix(x['K']!, k.L, k.d), matrix(x['V']!, k.L, k.dv)));
      const H = keep(await prefix(Z, vector(stepFactors(x, params, k.L))));
      return contract(matrix(x['Q']!, k.L, k.d), H);
    },
  };
}

export const maskedAttentionKernels: GpujsMixerKernels = {
  quadratic: {
    fidelity: 'approximate',
    note: 'M and QKᵀ are materialized as the form states, but each M_ts is its own product of t−s factors: O(L³) work for M instead of O(L²)',
    build: quadraticPlan,
  },
  'four-step': {
    fidelity: 'approximate',
    note:
      "step 2 (H = M ·_t Z) is recast as one masked prefix sum per entry of H: O(L²·d·dv) work instead of the mask's O(L·d·dv) fast matvec; steps 1, 3 and 4 are as stated",
    build: fourStepPlan,
  },
};
