/**
 * TTT-linear (MIXERS.md §8) in gpu.js. The fast weights W (dv×d) change nonlinearly in W with every
 * token (the gradient is taken at W itself), so no prefix sum or parallel scan reproduces them:
 * each launch takes one step, carrying W and the outputs so far in one texture, rows 0..d−1 = Wᵀ
 * and row d + t = y_t. A step covers the tokens t0..t1−1 of one mini-batch, every gradient taken at
 * the batch-start W' (the recurrence is the batch of one token):
 *   e_s = W' k_s − v_s,  W = W' − η Σ_s e_s k_sᵀ,  y_t = W' q_t − η Σ_{s≤t} e_s (k_s·q_t).
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { tttBatch, tttStep } from '../../../engine/mixers/ttt-linear/reference.js';
import { matrix, stage, type GpujsInstance, type KernelThis, type Rows, type StageResult } from '../gpujs.js';
import { releaseResult } from '../readback.js';
import { dim, type GpujsForm, type GpujsMixerKernels, type GpujsPlan } from './plan.js';

interface Sizes {
  readonly L: number;
  readonly d: number;
  readonly dv: number;
  readonly eta: number;
  /** Tokens per launch: 1 for the recurrence, the mini-batch b otherwise. */
  readonly b: number;
}
type K = KernelThis<Sizes>;

/** One step from state S (rows Wᵀ then Y) over tokens t0..t0+b−1. Output [d + L, dv]. */
function batchStep(this: K, S: Rows, Q: Rows, K: Rows, V: Rows, t0: number): number {
  const row = this.thread.y;
  const j = this.thread.x;
  const d = this.constants.d;
  const t = row - d;
  if (row >= d && (t < t0 || t >= t0 + this.constants.b)) return S[row]![j]!;
  let value = 0;
  if (row < d) value = S[row]![j]!;
  else {
    for (let i = 0; i < d; i++) value += S[i]![j]! * Q[t]![i]!;
  }
  for (let u = 0; u < this.constants.b; u++) {
    const s = t0 + u;
    if (s >= this.constants.L) break;
    if (row >= d && s > t) break;
    let e = -V[s]![j]!;
    for (let i = 0; i < d; i++) e += S[i]![j]! * K[s]![i]!;
    let weight = 0;
    if (row < d) weight = K[s]![row]!;
    else {
      for (let i = 0; i < d; i++) weight += K[s]![i]! * Q[t]![i]!;
    }
    value -= this.constants.eta * e * weight;
  }
  return value;
}

/** A copy of an uploaded matrix, so the L launches read it on the device instead of uploading it each time. */
function resident(this: K, X: Rows): number {
  return X[this.thread.y]![this.thread.x]!;
}

/** Y[t][j] = state row d + t. Output [L, dv]. */
function outputs(this: K, S: Rows): number {
  return S[this.constants.d + this.thread.y]![this.thread.x]!;
}

function plan(gpu: GpujsInstance, dims: Dims, params: Params, perToken: boolean): GpujsPlan {
  const L = dim(dims, 'L');
  const d = dim(dims, 'd');
  const k: Sizes = { L, d, dv: dim(dims, 'dv'), eta: tttStep(params, d), b: perToken ? 1 : Math.min(tttBatch(params), L) };
  // The first step reads the zero state as uploaded, the others a texture: gpu.js compiles per argument type.
  const first = stage(gpu, batchStep, [k.dv, d + L], k);
  const step = stage(gpu, batchStep, [k.dv, d + L], k);
  const read = stage(gpu, outputs, [k.dv, L], k);
  const queries = stage(gpu, resident, [d, L], k);
  const keys = stage(gpu, resident, [d, L], k);
  const values = stage(gpu, resident, [k.dv, L], k);
  return {
    stages: [queries, keys, values, ...(L > k.b ? [first, step] : [first]), read],
    outputShape: [L, k.dv],
    async run(x, keep) {
      const Q = keep(await queries(matrix(x['Q']!, L, d)));
      const K = keep(await keys(matrix(x['K']!, L, d)));
      const V = keep(await values(matrix(x['V']!, L, k.dv)));
      let state: StageResult = await first(matrix(new Float32Array((d + L) * k.dv), d + L, k.dv), Q, K, V, 0);
      for (let t0 = k.b; t0 < L; t0 += k.b) {
        const next = await step(state, Q, K, V, t0);
        releaseResult(state);
        state = next;
      }
      return read(keep(state));
    },
  };
}

const launches = (per: string, count: string): string =>
  `one launch per ${per} carrying W and the outputs so far in one (d+L)×dv texture, ${count} launches; ` +
  'each thread recomputes the residuals it needs and every launch copies Y forward';

export const tttLinearKernels: GpujsMixerKernels = {
  recurrent: {
    fidelity: 'approximate',
    note: `${launches('token', 'L')}: O(L·d²·dv + L²·dv) work against O(L·d·dv) for the recurrence`,
    build: (gpu, dims, params) => plan(gpu, dims, params, true),
  } satisfies GpujsForm,
  'mini-batch': {
    fidelity: 'approximate',
    note: `${launches('mini-batch', '⌈L/b⌉')}: O(L·d·(d + b)·dv + L²·dv/b) work against O(L·(d + b)·dv) for the dual form`,
    build: (gpu, dims, params) => plan(gpu, dims, params, false),
  } satisfies GpujsForm,
};
