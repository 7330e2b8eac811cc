/**
 * R forward DFTs of length n at once in gpu.js, complex values as [R][n][2] (a 3D output, which
 * gpu.js folds into a square texture, so no texture side has to hold 2n), for FNet's `fft` form (MIXERS.md §10). A power-of-two n runs log₂n radix-2 Stockham
 * passes, one output per thread: output o = ⌊o/2N⌋·2N + r·N + k (N = 2^p, r ∈ {0, 1}, k < N) is
 * x_j ± e^{∓2πik/2N}·x_{j+n/2} with j = ⌊o/2N⌋·N + k. Any other n runs Bluestein's chirp-z on M = 2^⌈log₂(2n−1)⌉:
 * X_k = w_k·Σ_j (x_j w_j)·w̄_{k−j}, w_j = e^{−πij²/n}, the convolution as FFT⁻¹(FFT(a)·FFT(b)).
 * Twiddles e^{2πim/M} and chirps w̄_j = e^{πij²/n} come from unit-roots.ts tables (exact reduction).
 */
import { MixscopeError } from '../../../engine/core/errors.js';
import { bluesteinLength, isPowerOfTwo } from '../../../engine/mixers/fnet/fft-plan.js';
import { stage, type Cube, type GpujsInstance, type KernelThis, type Rows, type StageArgument, type StageResult } from '../gpujs.js';
import { releaseResult } from '../readback.js';
import { MAX_ROOTS_ORDER, unitRoots } from './unit-roots.js';

export interface AxisSizes {
  /** Transforms, their length, the radix-2 length M (n itself, or Bluestein's). */
  readonly R: number;
  readonly n: number;
  readonly M: number;
  /** 1: Bluestein. */
  readonly chirped: number;
  /** 1: the input is complex [n][R][2], read transposed (column r); 0: real [R][n]. */
  readonly transposed: number;
}
type K = KernelThis<AxisSizes>;

/** a_j = x_j·w_j (chirped) or x_j, zero past n, for row r of a real [R][n] input. Output [R, M, 2]. */
function loadReal(this: K, x: Rows, chirp: Rows): number {
  const j = this.thread.y;
  if (j >= this.constants.n) return 0;
  const re = x[this.thread.z]![j]!;
  const part = this.thread.x;
  if (this.constants.chirped < 0.5) {
    if (part === 0) return re;
    return 0;
  }
  if (part === 0) return re * chirp[0]![j]!;
  return -re * chirp[1]![j]!;
}

/** The same for column r of a complex [n][R][2] input (the other axis's result). Output [R, M, 2]. */
function loadColumn(this: K, x: Cube, chirp: Rows): number {
  const j = this.thread.y;
  if (j >= this.constants.n) return 0;
  const re = x[j]![this.thread.z]![0]!;
  const im = x[j]![this.thread.z]![1]!;
  const part = this.thread.x;
  if (this.constants.chirped < 0.5) {
    if (part === 0) return re;
    return im;
  }
  const c = chirp[0]![j]!;
  const s = -chirp[1]![j]!;
  if (part === 0) return re * c - im * s;
  return re * s + im * c;
}

/** One Stockham pass with half-size N; `sign` −1 forward, +1 inverse (unnormalized). Output [R, M, 2]. */
function pass(this: K, x: Cube, roots: Rows, N: number, sign: number): number {
  const r = this.thread.z;
  const o = this.thread.y;
  const group = Math.floor(o / N);
  const k = o - group * N;
  const j = Math.floor(group / 2) * N + k;
  const half = this.constants.M / 2;
  const m = k * (this.constants.M / (2 * N));
  const wr = roots[0]![m]!;
  const wi = sign * roots[1]![m]!;
  const br = x[r]![j + half]![0]!;
  const bi = x[r]![j + half]![1]!;
  let tr = wr * br - wi * bi;
  let ti = wr * bi + wi * br;
  if (group - 2 * Math.floor(group / 2) > 0.5) {
    tr = -tr;
    ti = -ti;
  }
  if (this.thread.x === 0) return x[r]![j]![0]! + tr;
  return x[r]![j]![1]! + ti;
}

/** b_j = w̄_j for j < n, b_{M−j} = w̄_j, else 0: the chirp filter. Output [1, M, 2]. */
function filter(this: K, chirp: Rows): number {
  let j = this.thread.y;
  if (j > this.constants.M - this.constants.n) j = this.constants.M - j;
  if (j >= this.constants.n) return 0;
  if (this.thread.x === 0) return chirp[0]![j]!;
  return chirp[1]![j]!;
}

/** FFT(a)·FFT(b), complex. Output [R, M, 2]. */
function multiply(this: K, A: Cube, F: Cube): number {
  const r = this.thread.z;
  const k = this.thread.y;
  const ar = A[r]![k]![0]!;
  const ai = A[r]![k]![1]!;
  const fr = F[0]![k]![0]!;
  const fi = F[0]![k]![1]!;
  if (this.thread.x === 0) return ar * fr - ai * fi;
  return ar * fi + ai * fr;
}

/** X_k = w_k·conv_k / M for k < n. Output [R, n, 2]. */
function unchirp(this: K, conv: Cube, chirp: Rows): number {
  const r = this.thread.z;
  const k = this.thread.y;
  const c = chirp[0]![k]!;
  const s = -chirp[1]![k]!;
  const re = conv[r]![k]![0]! / this.constants.M;
  const im = conv[r]![k]![1]! / this.constants.M;
  if (this.thread.x === 0) return re * c - im * s;
  return re * s + im * c;
}

export function axisSizes(R: number, n: number, transposed: boolean): AxisSizes {
  const chirped = !isPowerOfTwo(n);
  const M = chirped ? bluesteinLength(n) : n;
  if (Math.max(M, 2 * n) > MAX_ROOTS_ORDER) {
    throw new MixscopeError(`gpu.js fnet fft takes lengths up to ${MAX_ROOTS_ORDER / 2} (exact angles in float32); got ${n}`, 'unsupported');
  }
  return { R, n, M, chirped: chirped ? 1 : 0, transposed: transposed ? 1 : 0 };
}

export function fftAxisStages(gpu: GpujsInstance, k: AxisSizes) {
  const passes = Math.log2(k.M);
  const roots = stage(gpu, unitRoots, [k.M, 2], { n: k.M, R: 1, first: 1, square: 0 });
  const chirps = stage(gpu, unitRoots, [k.n, 2], { n: 2 * k.n, R: 1, first: 0, square: 1 });
  const loader = stage(gpu, k.transposed ? loadColumn : loadReal, [2, k.M, k.R], k);
  const step = stage(gpu, pass, [2, k.M, k.R], k);
  const filterLoad = stage(gpu, filter, [2, k.M, 1], k);
  const filterStep = stage(gpu, pass, [2, k.M, 1], k);
  const product = stage(gpu, multiply, [2, k.M, k.R], k);
  const output = stage(gpu, unchirp, [2, k.n, k.R], k);
  /** log₂M passes of `kernel` on x, each intermediate freed once read. */
  const transform = async (kernel: typeof step, x: StageResult, table: StageResult, sign: number): Promise<StageResult> => {
    let data = x;
    for (let p = 0; p < passes; p++) {
      const next = await kernel(data, table, 2 ** p, sign);
      releaseResult(data);
      data = next;
    }
    return data;
  };
  return {
    // Only the kernels that run: an unrun cpu kernel would still count its output.
    stages: [roots, chirps, loader, ...(passes > 0 ? [step] : []), ...(k.chirped ? [filterLoad, filterStep, product, output] : [])],
    /** The R transforms of `x` ([R][n] real, or [n][R][2] complex when transposed), as [R][n][2]. */
    async run(x: StageArgument, keep: (r: StageResult) => StageResult): Promise<StageResult> {
      const table = keep(await roots());
      const chirp = keep(await chirps());
      const spectrum = await transform(step, await loader(x, chirp), table, -1);
      if (!k.chirped) return spectrum;
      const F = keep(await transform(filterStep, await filterLoad(chirp), table, -1));
      const filtered = await product(spectrum, F);
      releaseResult(spectrum);
      const conv = await transform(step, filtered, table, 1);
      const X = await output(conv, chirp);
      releaseResult(conv);
      return X;
    },
  };
}
