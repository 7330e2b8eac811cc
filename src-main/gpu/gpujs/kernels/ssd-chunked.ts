/**
 * The SSD algorithm (MIXERS.md §6 `chunked`, "minimal SSD") in gpu.js, chunks of Q tokens, with
 * lc[t] = Σ_{u=start..t} log a_u inside t's chunk (the listing's A_cumsum, never longer than a chunk):
 *   (1) W[t][u] = (C_t·B_s)·exp(lc[t] − lc[s]) for s = start + u ≤ t, the diagonal blocks;
 *   (2) H_c = Σ_{s∈c} exp(lc[end] − lc[s]) B_s X_sᵀ, each chunk's own final state;
 *   (3) h_in(c) = Σ_{c'<c} (T_{c'+1}…T_{c−1}) H_{c'}, T = exp(lc[end]), the state entering chunk c;
 *   (4) Y_t = Σ_u W[t][u] X_{start+u} + exp(lc[t])·h_in(c)ᵀ C_t.
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { chunkSize } from '../../../engine/mixers/common/chunks.js';
import { matrix, stage, type Cube, type GpujsInstance, type KernelThis, type Rows } from '../gpujs.js';
import { dim, type GpujsPlan } from './plan.js';
import { blockPrefix, logStepsStage } from './segment-sums.js';

interface Sizes {
  readonly L: number;
  readonly N: number;
  readonly P: number;
  /** Chunk length Q as the block width of blockPrefix, chunk count, block width min(Q, L). */
  readonly W: number;
  readonly nc: number;
  readonly width: number;
}
type K = KernelThis<Sizes>;

/** (1) Output [L, width]. */
function intraScores(this: K, C: Rows, B: Rows, lc: Rows): number {
  const t = this.thread.y;
  const s = Math.floor(t / this.constants.W) * this.constants.W + this.thread.x;
  if (s > t) return 0;
  let dot = 0;
  for (let n = 0; n < this.constants.N; n++) dot += C[t]![n]! * B[s]![n]!;
  return dot * Math.exp(lc[t]![0]! - lc[s]![0]!);
}

/** (2) Output [nc, N, P]. */
function chunkStates(this: K, B: Rows, X: Rows, lc: Rows): number {
  const c = this.thread.z;
  const n = this.thread.y;
  const p = this.thread.x;
  const start = c * this.constants.W;
  const end = Math.min(start + this.constants.W, this.constants.L) - 1;
  let acc = 0;
  for (let u = 0; u < this.constants.W; u++) {
    const s = start + u;
    if (s > end) break;
    acc += Math.exp(lc[end]![0]! - lc[s]![0]!) * B[s]![n]! * X[s]![p]!;
  }
  return acc;
}

/** (3) Each chunk sums the chunks before it, nearest first, the decay as a running log sum. Output [nc, N, P]. */
function enteringStates(this: K, H: Cube, lc: Rows): number {
  const c = this.thread.z;
  let acc = 0;
  let logDecay = 0;
  for (let back = 1; back <= this.constants.nc; back++) {
    const prev = c - back;
    if (prev < 0) break;
    acc += Math.exp(logDecay) * H[prev]![this.thread.y]![this.thread.x]!;
    logDecay += lc[prev * this.constants.W + this.constants.W - 1]![0]!;
  }
  return acc;
}

/** (4) Output [L, P]. */
function chunkOutputs(this: K, Wt: Rows, X: Rows, C: Rows, Hin: Cube, lc: Rows): number {
  const t = this.thread.y;
  const p = this.thread.x;
  const c = Math.floor(t / this.constants.W);
  const start = c * this.constants.W;
  let inner = 0;
  for (let u = 0; u < this.constants.width; u++) {
    if (start + u > t) break;
    inner += Wt[t]![u]! * X[start + u]![p]!;
  }
  let carried = 0;
  for (let n = 0; n < this.constants.N; n++) carried += Hin[c]![n]![p]! * C[t]![n]!;
  return inner + Math.exp(lc[t]![0]!) * carried;
}

export function chunkedPlan(gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const L = dim(dims, 'L');
  const Q = chunkSize(params, 'ssd');
  const k: Sizes = { L, N: dim(dims, 'N'), P: dim(dims, 'P'), W: Q, nc: Math.ceil(L / Q), width: Math.min(Q, L) };
  const logs = logStepsStage(gpu, L);
  const cumulative = stage(gpu, blockPrefix, [1, L], k);
  const intra = stage(gpu, intraScores, [k.width, L], k);
  const local = stage(gpu, chunkStates, [k.P, k.N, k.nc], k);
  const entering = stage(gpu, enteringStates, [k.P, k.N, k.nc], k);
  const outputs = stage(gpu, chunkOutputs, [k.P, L], k);
  return {
    stages: [logs, cumulative, intra, local, entering, outputs],
    outputShape: [L, k.P],
    async run(x, keep) {
      const B = matrix(x['B']!, L, k.N);
      const C = matrix(x['C']!, L, k.N);
      const X = matrix(x['X']!, L, k.P);
      const lc = keep(await cumulative(keep(await logs(matrix(x['a']!, L, 1)))));
      const W = keep(await intra(C, B, lc));
      const Hin = keep(await entering(keep(await local(B, X, lc)), lc));
      return outputs(W, X, C, Hin, lc);
    },
  };
}

export const SSD_CHUNKED_NOTE =
  'steps 1, 2 and 4 are as the SSD algorithm states; step 3, the scan across the L/Q chunks, is recast as one decayed ' +
  'prefix sum per chunk state: O((L/Q)²·N·P) work instead of a sequential O((L/Q)·N·P) scan, every entering state held';
