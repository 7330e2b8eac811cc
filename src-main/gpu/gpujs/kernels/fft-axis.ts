/**
 * R forward DFTs of length n at once in gpu.js, complex values interleaved ([R][2n]: re at 2j, im at
 * 2j + 1), for FNet's `fft` form (MIXERS.md §10). A power-of-two n runs log₂n radix-2 Stockham
 * passes, one output per thread: output o = ⌊o/2N⌋·2N + r·N + k (N = 2^p, r ∈ {0, 1}, k < N) is
 * x_j ± e^{∓2πik/2N}·x_{j+n/2} with j = ⌊o/2N⌋·N + k. Any other n runs Bluestein's chirp-z on M = 2^⌈log₂(2n−1)⌉:
 * X_k = w_k·Σ_j (x_j w_j)·w̄_{k−j}, w_j = e^{−πij²/n}, the convolution as FFT⁻¹(FFT(a)·FFT(b)).
 * Twiddles and chirps come from unit-roots.ts tables (j² reduced mod 2n, exact).
 */
import { bluesteinLength, isPowerOfTwo } from '../../../engine/mixers/fnet/fft-plan.js';
import { stage, type GpujsInstance, type KernelThis, type Rows, type StageArgument, type StageResult } from '../gpujs.js';
import { releaseResult } from '../readback.js';
import { unitRoots } from './unit-roots.js';

export interface AxisSizes {
  /** Transforms, their length, the radix-2 length M (n itself, or Bluestein's). */
  readonly R: number;
  readonly n: number;
  readonly M: number;
  /** 1: Bluestein. */
  readonly chirped: number;
  /** 1: the input is complex [n][2R], read transposed (column r); 0: real [R][n]. */
  readonly transposed: number;
}
type K = KernelThis<AxisSizes>;

/** a_j = x_j·w_j (chirped) or x_j, zero past n. Output [R, 2M]. */
function load(this: K, x: Rows, chirp: Rows): number {
  const r = this.thread.y;
  const j = Math.floor(this.thread.x / 2);
  const part = this.thread.x - 2 * j;
  if (j >= this.constants.n) return 0;
  // Only in-range reads: the cpu backend throws where a GPU would read past the end.
  let row = r;
  let column = j;
  let im = 0;
  if (this.constants.transposed > 0.5) {
    row = j;
    column = 2 * r;
    im = x[j]![2 * r + 1]!;
  }
  const re = x[row]![column]!;
  if (this.constants.chirped < 0.5) {
    if (part === 0) return re;
    return im;
  }
  const m = (j * j) % (2 * this.constants.n);
  const c = chirp[0]![m]!;
  const s = -chirp[1]![m]!;
  if (part === 0) return re * c - im * s;
  return re * s + im * c;
}

/** One Stockham pass with half-size N; `sign` −1 forward, +1 inverse (unnormalized). Output [R, 2M]. */
function pass(this: K, x: Rows, roots: Rows, N: number, sign: number): number {
  const r = this.thread.y;
  const o = Math.floor(this.thread.x / 2);
  const part = this.thread.x - 2 * o;
  const group = Math.floor(o / N);
  const k = o - group * N;
  const j = Math.floor(group / 2) * N + k;
  const half = this.constants.M / 2;
  const m = k * (this.constants.M / (2 * N));
  const wr = roots[0]![m]!;
  const wi = sign * roots[1]![m]!;
  const br = x[r]![2 * (j + half)]!;
  const bi = x[r]![2 * (j + half) + 1]!;
  let tr = wr * br - wi * bi;
  let ti = wr * bi + wi * br;
  if (group - 2 * Math.floor(group / 2) > 0.5) {
    tr = -tr;
    ti = -ti;
  }
  if (part === 0) return x[r]![2 * j]! + tr;
  return x[r]![2 * j + 1]! + ti;
}

/** b_j = w̄_j for j < n, b_{M−j} = w̄_j, else 0: the chirp filter. Output [1, 2M]. */
function filter(this: K, chirp: Rows): number {
  let j = Math.floor(this.thread.x / 2);
  const part = this.thread.x - 2 * j;
  if (j > this.constants.M - this.constants.n) j = this.constants.M - j;
  if (j >= this.constants.n) return 0;
  const m = (j * j) % (2 * this.constants.n);
  if (part === 0) return chirp[0]![m]!;
  return chirp[1]![m]!;
}

/** FFT(a)·FFT(b), complex. Output [R, 2M]. */
function multiply(this: K, A: Rows, F: Rows): number {
  const r = this.thread.y;
  const k = Math.floor(this.thread.x / 2);
  const ar = A[r]![2 * k]!;
  const ai = A[r]![2 * k + 1]!;
  const fr = F[0]![2 * k]!;
  const fi = F[0]![2 * k + 1]!;
  if (this.thread.x - 2 * k === 0) return ar * fr - ai * fi;
  return ar * fi + ai * fr;
}

/** X_k = w_k·conv_k / M for k < n. Output [R, 2n]. */
function unchirp(this: K, conv: Rows, chirp: Rows): number {
  const r = this.thread.y;
  const k = Math.floor(this.thread.x / 2);
  const m = (k * k) % (2 * this.constants.n);
  const c = chirp[0]![m]!;
  const s = -chirp[1]![m]!;
  const re = conv[r]![2 * k]! / this.constants.M;
  const im = conv[r]![2 * k + 1]! / this.constants.M;
  if (this.thread.x - 2 * k === 0) return re * c - im * s;
  return re * s + im * c;
}

export function axisSizes(R: number, n: number, transposed: boolean): AxisSizes {
  const chirped = !isPowerOfTwo(n);
  return { R, n, M: chirped ? bluesteinLength(n) : n, chirped: chirped ? 1 : 0, transposed: transposed ? 1 : 0 };
}

export function fftAxisStages(gpu: GpujsInstance, k: AxisSizes) {
  const passes = Math.log2(k.M);
  const roots = stage(gpu, unitRoots, [k.M, 2], { n: k.M, R: 1, first: 1 });
  const chirps = stage(gpu, unitRoots, [2 * k.n, 2], { n: 2 * k.n, R: 1, first: 1 });
  const loader = stage(gpu, load, [2 * k.M, k.R], k);
  const step = stage(gpu, pass, [2 * k.M, k.R], k);
  const filterLoad = stage(gpu, filter, [2 * k.M, 1], k);
  const filterStep = stage(gpu, pass, [2 * k.M, 1], k);
  const product = stage(gpu, multiply, [2 * k.M, k.R], k);
  const output = stage(gpu, unchirp, [2 * k.n, k.R], k);
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
    /** The R transforms of `x` ([R][n] real, or [n][2R] complex when transposed), as [R][2n]. */
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
