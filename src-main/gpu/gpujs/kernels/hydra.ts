/**
 * Hydra (MIXERS.md §12) in gpu.js. `materialized` builds the quasiseparable matrix
 * M_ts = (C_{t−1}·B_s)·a_{s+1}…a_{t−1} (s < t), (C_{t+1}·B_s)·a_{t+1}…a_{s−1} (s > t), M_tt = Dskip,
 * with the decays as exp of blocked segment sums (segment-sums.ts), then Y = M X. `scan` runs the
 * forward and the backward SSD scans as Hillis–Steele scans and adds the shifted readouts.
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { skipWeight } from '../../../engine/mixers/hydra/reference.js';
import { matrix, stage, type Cube, type GpujsInstance, type KernelThis, type Rows } from '../gpujs.js';
import { affineScanStages, scanNote } from './affine-scan.js';
import { type GpujsMixerKernels, type GpujsPlan } from './plan.js';
import { logStepsStage, segmentSumStages } from './segment-sums.js';
import { outerInputs, ssdSizesOf } from './ssd.js';

interface Sizes {
  readonly L: number;
  readonly N: number;
  readonly P: number;
  readonly W: number;
  readonly skip: number;
}
type K = KernelThis<Sizes>;

/** M[t][s]; seg(lo, hi) = Σ_{u=lo+1..hi} log a_u with (lo, hi) = (s, t−1) below the diagonal, (t, s−1) above. Output [L, L]. */
function quasiseparable(this: K, C: Rows, B: Rows, lp: Rows, lq: Rows, between: Cube): number {
  const t = this.thread.y;
  const s = this.thread.x;
  if (s === t) return this.constants.skip;
  let row = t + 1;
  let lo = t;
  let hi = s - 1;
  if (s < t) {
    row = t - 1;
    lo = s;
    hi = t - 1;
  }
  let dot = 0;
  for (let n = 0; n < this.constants.N; n++) dot += C[row]![n]! * B[s]![n]!;
  const bh = Math.floor(hi / this.constants.W);
  const bl = Math.floor(lo / this.constants.W);
  let seg = lp[hi]![0]! - lp[lo]![0]!;
  if (bh !== bl) seg = lp[hi]![0]! + between[0]![bh]![bl]! + lq[lo]![0]!;
  return dot * Math.exp(seg);
}

/** Y = M X over every s (bidirectional). Output [L, P]. */
function fullProduct(this: K, M: Rows, X: Rows): number {
  let acc = 0;
  for (let s = 0; s < this.constants.L; s++) acc += M[this.thread.y]![s]! * X[s]![this.thread.x]!;
  return acc;
}

/** Y_t = Dskip·X_t + h_{t−1}ᵀ C_{t−1} + g_{t+1}ᵀ C_{t+1}, h forward and g backward states [L][N·P]. Output [L, P]. */
function shiftedReadouts(this: K, X: Rows, C: Rows, H: Rows, G: Rows): number {
  const t = this.thread.y;
  const p = this.thread.x;
  let acc = this.constants.skip * X[t]![p]!;
  for (let n = 0; n < this.constants.N; n++) {
    if (t >= 1) acc += H[t - 1]![n * this.constants.P + p]! * C[t - 1]![n]!;
    if (t + 1 < this.constants.L) acc += G[t + 1]![n * this.constants.P + p]! * C[t + 1]![n]!;
  }
  return acc;
}

function sizes(dims: Dims, params: Params) {
  return { ...ssdSizesOf(dims), skip: skipWeight(params) };
}

function materializedPlan(gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = sizes(dims, params);
  const logs = logStepsStage(gpu, k.L);
  const segments = segmentSumStages(gpu, k);
  const build = stage(gpu, quasiseparable, [k.L, k.L], k);
  const apply = stage(gpu, fullProduct, [k.P, k.L], k);
  return {
    stages: [logs, ...segments.stages, build, apply],
    outputShape: [k.L, k.P],
    async run(x, keep) {
      const { lp, lq, between } = await segments.run(keep(await logs(matrix(x['a']!, k.L, 1))), keep);
      const M = keep(await build(matrix(x['C']!, k.L, k.N), matrix(x['B']!, k.L, k.N), lp, lq, between));
      return apply(M, matrix(x['X']!, k.L, k.P));
    },
  };
}

function scanPlan(gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = sizes(dims, params);
  const inputs = stage(gpu, outerInputs, [k.N * k.P, k.L], k);
  const forward = affineScanStages(gpu, { L: k.L, S: k.N * k.P, shared: 1, reverse: 0 });
  const backward = affineScanStages(gpu, { L: k.L, S: k.N * k.P, shared: 1, reverse: 1 });
  const readout = stage(gpu, shiftedReadouts, [k.P, k.L], k);
  return {
    stages: [inputs, ...forward.stages, ...backward.stages, readout],
    outputShape: [k.L, k.P],
    async run(x, keep) {
      const a = matrix(x['a']!, k.L, 1);
      const B = matrix(x['B']!, k.L, k.N);
      const X = matrix(x['X']!, k.L, k.P);
      const H = keep(await forward.run(a, await inputs(B, X)));
      const G = keep(await backward.run(a, await inputs(B, X)));
      return readout(X, matrix(x['C']!, k.L, k.N), H, G);
    },
  };
}

export const hydraKernels: GpujsMixerKernels = {
  materialized: { fidelity: 'exact', build: materializedPlan },
  scan: { fidelity: 'approximate', note: `each of the two scans: ${scanNote('N·P')}`, build: scanPlan },
};
