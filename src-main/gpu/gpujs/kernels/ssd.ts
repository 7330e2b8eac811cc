/**
 * Mamba-2 SSD (MIXERS.md §6) in gpu.js: Y_t = Σ_{s≤t} (C_t·B_s)(a_{s+1}…a_t) X_s. `quadratic` builds
 * G ⊙ CBᵀ with G = exp(segsum(log a)) from blocked segment sums (segment-sums.ts), then multiplies
 * by X; `scan` runs h_t = a_t h_{t−1} + B_t X_tᵀ as a Hillis–Steele scan; `chunked` is in ssd-chunked.ts.
 */
import type { Dims } from '../../../engine/core/mixer.js';
import { matrix, stage, type Cube, type GpujsInstance, type KernelThis, type Rows } from '../gpujs.js';
import { affineScanStages, scanNote } from './affine-scan.js';
import { weightedValues } from './masked-linear-kernels.js';
import { dim, type GpujsMixerKernels, type GpujsPlan } from './plan.js';
import { logStepsStage, segmentSizes, segmentSumStages, type SegmentSizes } from './segment-sums.js';
import { chunkedPlan, SSD_CHUNKED_NOTE } from './ssd-chunked.js';

interface Sizes extends SegmentSizes {
  readonly N: number;
  readonly P: number;
  readonly dv: number;
}
type K = KernelThis<Sizes>;

/** (C_t·B_s)·exp(seg(s, t)) for s ≤ t. Output [L, L]. */
function decayedScores(this: K, C: Rows, B: Rows, lp: Rows, lq: Rows, between: Cube): number {
  const t = this.thread.y;
  const s = this.thread.x;
  if (s > t) return 0;
  let dot = 0;
  for (let n = 0; n < this.constants.N; n++) dot += C[t]![n]! * B[s]![n]!;
  const bt = Math.floor(t / this.constants.W);
  const bs = Math.floor(s / this.constants.W);
  let seg = lp[t]![0]! - lp[s]![0]!;
  if (bt !== bs) seg = lp[t]![0]! + between[0]![bt]![bs]! + lq[s]![0]!;
  return dot * Math.exp(seg);
}

/** b_t[n·P + p] = B[t][n]·X[t][p], the scan's inputs. Output [L, N·P]. */
export function outerInputs(this: K, B: Rows, X: Rows): number {
  const e = this.thread.x;
  const n = Math.floor(e / this.constants.P);
  return B[this.thread.y]![n]! * X[this.thread.y]![e - n * this.constants.P]!;
}

/** Y[t][p] = Σ_n h_t[n·P + p]·C[t][n]. Output [L, P]. */
function stateReadout(this: K, H: Rows, C: Rows): number {
  const t = this.thread.y;
  const p = this.thread.x;
  let acc = 0;
  for (let n = 0; n < this.constants.N; n++) acc += H[t]![n * this.constants.P + p]! * C[t]![n]!;
  return acc;
}

export function ssdSizesOf(dims: Dims): Sizes {
  const P = dim(dims, 'P');
  return { ...segmentSizes(dim(dims, 'L'), 1), N: dim(dims, 'N'), P, dv: P };
}

function quadraticPlan(gpu: GpujsInstance, dims: Dims): GpujsPlan {
  const k = ssdSizesOf(dims);
  const logs = logStepsStage(gpu, k.L);
  const segments = segmentSumStages(gpu, k);
  const scores = stage(gpu, decayedScores, [k.L, k.L], k);
  const mix = stage(gpu, weightedValues, [k.P, k.L], k);
  return {
    stages: [logs, ...segments.stages, scores, mix],
    outputShape: [k.L, k.P],
    async run(x, keep) {
      const { lp, lq, between } = await segments.run(keep(await logs(matrix(x['a']!, k.L, 1))), keep);
      const G = keep(await scores(matrix(x['C']!, k.L, k.N), matrix(x['B']!, k.L, k.N), lp, lq, between));
      return mix(G, matrix(x['X']!, k.L, k.P));
    },
  };
}

function scanPlan(gpu: GpujsInstance, dims: Dims): GpujsPlan {
  const k = ssdSizesOf(dims);
  const inputs = stage(gpu, outerInputs, [k.N * k.P, k.L], k);
  const scan = affineScanStages(gpu, { L: k.L, S: k.N * k.P, shared: 1, reverse: 0 });
  const readout = stage(gpu, stateReadout, [k.P, k.L], k);
  return {
    stages: [inputs, ...scan.stages, readout],
    outputShape: [k.L, k.P],
    async run(x, keep) {
      const b = await inputs(matrix(x['B']!, k.L, k.N), matrix(x['X']!, k.L, k.P));
      const H = keep(await scan.run(matrix(x['a']!, k.L, 1), b));
      return readout(H, matrix(x['C']!, k.L, k.N));
    },
  };
}

export const ssdKernels: GpujsMixerKernels = {
  quadratic: { fidelity: 'exact', build: (gpu, dims) => quadraticPlan(gpu, dims) },
  scan: { fidelity: 'approximate', note: scanNote('N·P'), build: (gpu, dims) => scanPlan(gpu, dims) },
  chunked: { fidelity: 'approximate', note: SSD_CHUNKED_NOTE, build: chunkedPlan },
};
