/** GAU relu² attention (MIXERS.md §9): A_ts = relu(q_t·k_s/√d + β)² / L for s ≤ t, Y = A V. */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { matrix, stage, type GpujsInstance, type KernelThis, type Rows } from '../gpujs.js';
import { weightedValues } from './masked-linear-kernels.js';
import { dim, type GpujsMixerKernels, type GpujsPlan } from './plan.js';

interface Sizes {
  readonly L: number;
  readonly d: number;
  readonly dv: number;
  readonly beta: number;
}

/** A[t][s]. Output [L, L]. */
function relu2Scores(this: KernelThis<Sizes>, Q: Rows, K: Rows): number {
  const t = this.thread.y;
  const s = this.thread.x;
  if (s > t) return 0;
  let dot = 0;
  for (let i = 0; i < this.constants.d; i++) dot += Q[t]![i]! * K[s]![i]!;
  const x = Math.max(dot / Math.sqrt(this.constants.d) + this.constants.beta, 0);
  return (x * x) / this.constants.L;
}

function materializedPlan(gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = { L: dim(dims, 'L'), d: dim(dims, 'd'), dv: dim(dims, 'dv'), beta: Number(params['beta'] ?? 0) };
  const scores = stage(gpu, relu2Scores, [k.L, k.L], k);
  const mix = stage(gpu, weightedValues, [k.dv, k.L], k);
  return {
    stages: [scores, mix],
    outputShape: [k.L, k.dv],
    async run(x, keep) {
      const A = keep(await scores(matrix(x['Q']!, k.L, k.d), matrix(x['K']!, k.L, k.d)));
      return mix(A, matrix(x['V']!, k.L, k.dv));
    },
  };
}

export const gauKernels: GpujsMixerKernels = { materialized: { fidelity: 'exact', build: materializedPlan } };
