/**
 * Blocked segment sums of per-step logs, for the data-dependent decays of SSD, Hydra, the SSM and
 * mLSTM: seg(s, t) = Σ_{u=s+1..t} x_u (x = log a, log Abar or log f), so a decay a_{s+1}·…·a_t is
 * exp(seg(s, t)), Mamba-2's exp(segsum(log a)), in O(1) per pair.
 *
 * A plain difference of cumulative sums, cs_t − cs_s, loses float32 precision at long L: cs grows
 * like t·|log a| and its rounding error with it, whatever t − s is. Here the sums are split at blocks
 * of W tokens: lp[t] sums from t's block start to t, lq[s] from s+1 to the end of s's block, and
 * between[i][j] the whole blocks j+1..i−1. Then seg(s, t) = lp[t] − lp[s] in one block, else
 * lp[t] + between[b_t][b_s] + lq[s]: each term's error scales with its own magnitude, which is
 * at most a block's span or a span whose exp is negligible.
 *
 * Lanes: x is [L][S], one sequence of logs per lane (S = 1 for a scalar decay, D·r for the SSM).
 * Consumers inline the lookup (a gpu.js kernel body cannot call a shared function), reading
 * lp, lq as [L][S] and between as [S][nb][nb] with the constants W of `segmentSizes`.
 */
import { stage, type GpujsInstance, type KernelThis, type Rows, type StageArgument, type Vec, type StageResult } from '../gpujs.js';

export interface SegmentSizes {
  readonly L: number;
  /** Lanes. */
  readonly S: number;
  /** Block width W and block count. */
  readonly W: number;
  readonly nb: number;
}

type K = KernelThis<SegmentSizes>;

/** W = max(32, ⌈√L⌉): O(L·W) for the in-block sums and O(nb³) for `between`, both O(L^1.5) at most. */
export function segmentSizes(L: number, S: number): SegmentSizes {
  const W = Math.max(32, Math.ceil(Math.sqrt(L)));
  return { L, S, W, nb: Math.ceil(L / W) };
}

/** lp[t][e] = Σ_{u=start(t)..t} x[u][e]. Output [L, S]. */
export function blockPrefix(this: K, x: Rows): number {
  const t = this.thread.y;
  const e = this.thread.x;
  const start = Math.floor(t / this.constants.W) * this.constants.W;
  let acc = 0;
  for (let u = 0; u < this.constants.W; u++) {
    if (start + u > t) break;
    acc += x[start + u]![e]!;
  }
  return acc;
}

/** lq[s][e] = Σ_{u=s+1..end(s)} x[u][e]. Output [L, S]. */
function blockSuffix(this: K, x: Rows): number {
  const s = this.thread.y;
  const e = this.thread.x;
  const start = Math.floor(s / this.constants.W) * this.constants.W;
  let acc = 0;
  for (let u = 1; u < this.constants.W; u++) {
    const v = s + u;
    if (v >= start + this.constants.W || v >= this.constants.L) break;
    acc += x[v]![e]!;
  }
  return acc;
}

/** between[e][i][j] = Σ_{b=j+1..i−1} (block b's total), summed from the nearest block outward. Output [S, nb, nb]. */
function betweenBlocks(this: K, lp: Rows): number {
  const e = this.thread.z;
  const i = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  for (let b = 1; b < this.constants.nb; b++) {
    const block = i - b;
    if (block <= j) break;
    acc += lp[block * this.constants.W + this.constants.W - 1]![e]!;
  }
  return acc;
}

/** x[t][0] = log a_t for a decay vector a. Output [L, 1]. */
function logSteps(this: K, a: Vec): number {
  return Math.log(a[this.thread.y]!);
}

export function logStepsStage(gpu: GpujsInstance, L: number) {
  return stage(gpu, logSteps, [1, L], { L });
}

/** The three tables a consumer reads seg(s, t) from. */
export interface SegmentTables {
  readonly lp: StageResult;
  readonly lq: StageResult;
  readonly between: StageResult;
}

export function segmentSumStages(gpu: GpujsInstance, k: SegmentSizes) {
  const prefix = stage(gpu, blockPrefix, [k.S, k.L], k);
  const suffix = stage(gpu, blockSuffix, [k.S, k.L], k);
  const between = stage(gpu, betweenBlocks, [k.nb, k.nb, k.S], k);
  return {
    stages: [prefix, suffix, between],
    /** `logs` is x as [L][S]; every table goes through `keep`. */
    async run(logs: StageArgument, keep: (r: StageResult) => StageResult): Promise<SegmentTables> {
      const lp = keep(await prefix(logs));
      const lq = keep(await suffix(logs));
      return { lp, lq, between: keep(await between(lp)) };
    },
  };
}
