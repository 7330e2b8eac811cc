/**
 * mLSTM (MIXERS.md §7) in gpu.js. With D̃_ts = ĩ_s + Σ_{r=s+1..t} log σ(f̃_r) and the stabilizer
 * m_t = max_{s≤t} D̃_ts (the recurrence m_t = max(log f_t + m_{t−1}, ĩ_t) unrolled):
 * h_t = Σ_s e^{D̃_ts − m_t}(q_t·k_s/√d) v_s / max(|Σ_s e^{D̃_ts − m_t}(q_t·k_s/√d)|, e^{−m_t}).
 * `parallel` materializes the gated scores (D̃ from blocked segment sums, segment-sums.ts);
 * `recurrent` is in mlstm-recurrent.ts.
 */
import type { Dims } from '../../../engine/core/mixer.js';
import { matrix, stage, vector, type Cube, type GpujsInstance, type KernelThis, type Rows, type Vec } from '../gpujs.js';
import { normalizedValues } from './masked-linear-kernels.js';
import { mlstmRecurrent } from './mlstm-recurrent.js';
import { logForget, mlstmSizes, type MlstmSizes } from './mlstm-gates.js';
import { type GpujsMixerKernels, type GpujsPlan } from './plan.js';
import { segmentSumStages } from './segment-sums.js';

type K = KernelThis<MlstmSizes>;

/** m_t = max_{s≤t} ĩ_s + seg(s, t). Output [L]. */
function rowStabilizer(this: K, igate: Vec, lp: Rows, lq: Rows, between: Cube): number {
  const t = this.thread.x;
  const bt = Math.floor(t / this.constants.W);
  let m = igate[t]!;
  for (let s = 0; s < this.constants.L; s++) {
    if (s >= t) break;
    const bs = Math.floor(s / this.constants.W);
    let seg = lp[t]![0]! - lp[s]![0]!;
    if (bt !== bs) seg = lp[t]![0]! + between[0]![bt]![bs]! + lq[s]![0]!;
    m = Math.max(m, igate[s]! + seg);
  }
  return m;
}

/** C̃[t][s] = (q_t·k_s/√d)·e^{D̃_ts − m_t} for s ≤ t. Output [L, L]. */
function gatedScores(this: K, Q: Rows, K: Rows, igate: Vec, m: Vec, lp: Rows, lq: Rows, between: Cube): number {
  const t = this.thread.y;
  const s = this.thread.x;
  if (s > t) return 0;
  let dot = 0;
  for (let a = 0; a < this.constants.d; a++) dot += Q[t]![a]! * K[s]![a]!;
  const bt = Math.floor(t / this.constants.W);
  const bs = Math.floor(s / this.constants.W);
  let seg = lp[t]![0]! - lp[s]![0]!;
  if (bt !== bs) seg = lp[t]![0]! + between[0]![bt]![bs]! + lq[s]![0]!;
  return dot * this.constants.scale * Math.exp(igate[s]! + seg - m[t]!);
}

/** n_t = max(|Σ_s C̃[t][s]|, e^{−m_t}). Output [L]. */
function denominators(this: K, S: Rows, m: Vec): number {
  const t = this.thread.x;
  let sum = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    sum += S[t]![s]!;
  }
  return Math.max(Math.abs(sum), Math.exp(-m[t]!));
}

function parallelPlan(gpu: GpujsInstance, dims: Dims): GpujsPlan {
  const k = mlstmSizes(dims);
  const logs = stage(gpu, logForget, [1, k.L], k);
  const segments = segmentSumStages(gpu, k);
  const stabilizer = stage(gpu, rowStabilizer, [k.L], k);
  const scores = stage(gpu, gatedScores, [k.L, k.L], k);
  const norms = stage(gpu, denominators, [k.L], k);
  const mix = stage(gpu, normalizedValues, [k.dv, k.L], k);
  return {
    stages: [logs, ...segments.stages, stabilizer, scores, norms, mix],
    outputShape: [k.L, k.dv],
    async run(x, keep) {
      const igate = vector(x['igate']!);
      const { lp, lq, between } = await segments.run(keep(await logs(vector(x['fgate']!))), keep);
      const m = keep(await stabilizer(igate, lp, lq, between));
      const S = keep(await scores(matrix(x['Q']!, k.L, k.d), matrix(x['K']!, k.L, k.d), igate, m, lp, lq, between));
      return mix(S, matrix(x['V']!, k.L, k.dv), keep(await norms(S, m)));
    },
  };
}

export const mlstmKernels: GpujsMixerKernels = {
  parallel: { fidelity: 'exact', build: (gpu, dims) => parallelPlan(gpu, dims) },
  recurrent: mlstmRecurrent,
};
