/**
 * The diagonal SSM (MIXERS.md §5) in gpu.js, lanes e = c·r + k (channel c, state k).
 * `scan`: h_t[e] = Abar[t][e]·h_{t−1}[e] + B[t][k]·X[t][c] as a Hillis–Steele scan, then
 * Y[t][c] = Σ_k C[t][k]·h_t[c·r + k]. `materialized`: channel by channel (one L×L matrix live, as the
 * form states), M_ts = Σ_k C[t][k]·B[s][k]·exp(seg_e(s, t)) with seg the blocked segment sums of
 * log Abar (segment-sums.ts), then column c of Y = M·X[:, c].
 */
import type { Dims } from '../../../engine/core/mixer.js';
import { matrix, stage, type Cube, type GpujsInstance, type KernelThis, type Rows, type StageResult } from '../gpujs.js';
import { releaseResult } from '../readback.js';
import { affineScanStages, scanNote } from './affine-scan.js';
import { dim, type GpujsMixerKernels, type GpujsPlan } from './plan.js';
import { segmentSizes, segmentSumStages, type SegmentSizes } from './segment-sums.js';

interface Sizes extends SegmentSizes {
  readonly D: number;
  readonly r: number;
}
type K = KernelThis<Sizes>;

/** b[t][c·r + k] = B[t][k]·X[t][c]. Output [L, D·r]. */
function laneInputs(this: K, B: Rows, X: Rows): number {
  const e = this.thread.x;
  const c = Math.floor(e / this.constants.r);
  return B[this.thread.y]![e - c * this.constants.r]! * X[this.thread.y]![c]!;
}

/** Y[t][c] = Σ_k C[t][k]·h_t[c·r + k]. Output [L, D]. */
function laneReadout(this: K, H: Rows, C: Rows): number {
  const t = this.thread.y;
  let acc = 0;
  for (let k = 0; k < this.constants.r; k++) acc += C[t]![k]! * H[t]![this.thread.x * this.constants.r + k]!;
  return acc;
}

/** log Abar[t][e]. Output [L, D·r]. */
function laneLogs(this: K, Abar: Rows): number {
  return Math.log(Abar[this.thread.y]![this.thread.x]!);
}

/** Channel c's M[t][s] for s ≤ t. Output [L, L]. */
function channelMatrix(this: K, C: Rows, B: Rows, lp: Rows, lq: Rows, between: Cube, channel: number): number {
  const t = this.thread.y;
  const s = this.thread.x;
  if (s > t) return 0;
  const bt = Math.floor(t / this.constants.W);
  const bs = Math.floor(s / this.constants.W);
  let acc = 0;
  for (let k = 0; k < this.constants.r; k++) {
    const e = channel * this.constants.r + k;
    let seg = lp[t]![e]! - lp[s]![e]!;
    if (bt !== bs) seg = lp[t]![e]! + between[e]![bt]![bs]! + lq[s]![e]!;
    acc += C[t]![k]! * B[s]![k]! * Math.exp(seg);
  }
  return acc;
}

/** Y with column `channel` set to M·X[:, channel], the other columns as in Yprev. Output [L, D]. */
function fillColumn(this: K, M: Rows, X: Rows, Yprev: Rows, channel: number): number {
  const t = this.thread.y;
  if (this.thread.x !== channel) return Yprev[t]![this.thread.x]!;
  let acc = 0;
  for (let s = 0; s < this.constants.L; s++) {
    if (s > t) break;
    acc += M[t]![s]! * X[s]![channel]!;
  }
  return acc;
}

function sizes(dims: Dims): Sizes {
  const D = dim(dims, 'D');
  const r = dim(dims, 'r');
  return { ...segmentSizes(dim(dims, 'L'), D * r), D, r };
}

function scanPlan(gpu: GpujsInstance, dims: Dims): GpujsPlan {
  const k = sizes(dims);
  const inputs = stage(gpu, laneInputs, [k.S, k.L], k);
  const scan = affineScanStages(gpu, { L: k.L, S: k.S, shared: 0, reverse: 0 });
  const readout = stage(gpu, laneReadout, [k.D, k.L], k);
  return {
    stages: [inputs, ...scan.stages, readout],
    outputShape: [k.L, k.D],
    async run(x, keep) {
      const b = await inputs(matrix(x['B']!, k.L, k.r), matrix(x['X']!, k.L, k.D));
      const H = keep(await scan.run(matrix(x['Abar']!, k.L, k.S), b));
      return readout(H, matrix(x['C']!, k.L, k.r));
    },
  };
}

function materializedPlan(gpu: GpujsInstance, dims: Dims): GpujsPlan {
  const k = sizes(dims);
  const logs = stage(gpu, laneLogs, [k.S, k.L], k);
  const segments = segmentSumStages(gpu, k);
  const build = stage(gpu, channelMatrix, [k.L, k.L], k);
  const firstFill = stage(gpu, fillColumn, [k.D, k.L], k);
  const fill = stage(gpu, fillColumn, [k.D, k.L], k);
  return {
    stages: [logs, ...segments.stages, build, firstFill, ...(k.D > 1 ? [fill] : [])],
    outputShape: [k.L, k.D],
    async run(x, keep) {
      const { lp, lq, between } = await segments.run(keep(await logs(matrix(x['Abar']!, k.L, k.S))), keep);
      const B = matrix(x['B']!, k.L, k.r);
      const C = matrix(x['C']!, k.L, k.r);
      const X = matrix(x['X']!, k.L, k.D);
      const zeros = matrix(new Float32Array(k.L * k.D), k.L, k.D);
      // Each channel's matrix and the previous Y are freed once read: one L×L matrix live at a time.
      const channel = async (c: number, previous?: StageResult): Promise<StageResult> => {
        const M = await build(C, B, lp, lq, between, c);
        const next = await (previous ? fill(M, X, previous, c) : firstFill(M, X, zeros, c));
        releaseResult(M);
        if (previous) releaseResult(previous);
        return next;
      };
      let Y = await channel(0);
      for (let c = 1; c < k.D; c++) Y = await channel(c, Y);
      return Y;
    },
  };
}

export const ssmKernels: GpujsMixerKernels = {
  materialized: { fidelity: 'exact', build: (gpu, dims) => materializedPlan(gpu, dims) },
  scan: { fidelity: 'approximate', note: scanNote('D·r'), build: (gpu, dims) => scanPlan(gpu, dims) },
};
