/**
 * Complex FFT of any length n in the run's dtype: iterative radix-2 when n is a power of two,
 * Bluestein's chirp-z otherwise (X_k = c_k·Σ_j (x_j c_j)·c̄_{k−j} with c_k = e^{−πik²/n}, the
 * convolution done by radix-2 FFTs of length m ≥ 2n − 1). Tables and scratch are allocated once
 * per plan, never per element.
 */
import { allocate, type DType, type FloatArray } from '../../core/tensor.js';

export interface FftPlan {
  readonly n: number;
  /** Elements the plan keeps (twiddles, chirp, filter spectrum, scratch), for the cost model. */
  readonly tableElements: number;
  /** Forward DFT X_k = Σ_j x_j e^{−2πijk/n}, in place on (re, im). */
  forward(re: FloatArray, im: FloatArray): void;
}

export const isPowerOfTwo = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

export function bluesteinLength(n: number): number {
  let m = 1;
  while (m < 2 * n - 1) m *= 2;
  return m;
}

interface Radix2 {
  readonly cos: FloatArray;
  readonly sin: FloatArray;
  run(re: FloatArray, im: FloatArray, inverse: boolean): void;
}

function radix2(n: number, dtype: DType): Radix2 {
  const half = Math.max(1, n / 2);
  const cos = allocate(dtype, half);
  const sin = allocate(dtype, half);
  for (let k = 0; k < n / 2; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = Math.sin((2 * Math.PI * k) / n);
  }
  const bits = Math.log2(n);
  const run = (re: FloatArray, im: FloatArray, inverse: boolean): void => {
    for (let i = 0; i < n; i++) {
      let j = 0;
      for (let b = 0; b < bits; b++) j |= ((i >> b) & 1) << (bits - 1 - b);
      if (j > i) {
        const r = re[i]!;
        re[i] = re[j]!;
        re[j] = r;
        const m = im[i]!;
        im[i] = im[j]!;
        im[j] = m;
      }
    }
    const sign = inverse ? 1 : -1;
    for (let size = 2; size <= n; size *= 2) {
      const step = n / size;
      for (let start = 0; start < n; start += size) {
        for (let k = 0; k < size / 2; k++) {
          const wr = cos[k * step]!;
          const wi = sign * sin[k * step]!;
          const a = start + k;
          const b = a + size / 2;
          const tr = wr * re[b]! - wi * im[b]!;
          const ti = wr * im[b]! + wi * re[b]!;
          re[b] = re[a]! - tr;
          im[b] = im[a]! - ti;
          re[a] = re[a]! + tr;
          im[a] = im[a]! + ti;
        }
      }
    }
  };
  return { cos, sin, run };
}

function bluestein(n: number, dtype: DType): FftPlan {
  const m = bluesteinLength(n);
  const inner = radix2(m, dtype);
  // c_k = e^{−πik²/n}; k² is reduced mod 2n so the angle stays exact for large k.
  const chirpRe = allocate(dtype, n);
  const chirpIm = allocate(dtype, n);
  for (let k = 0; k < n; k++) {
    const angle = (Math.PI * ((k * k) % (2 * n))) / n;
    chirpRe[k] = Math.cos(angle);
    chirpIm[k] = -Math.sin(angle);
  }
  // Spectrum of the filter b_j = c̄_j for |j| < n, wrapped to length m.
  const filterRe = allocate(dtype, m);
  const filterIm = allocate(dtype, m);
  for (let k = 0; k < n; k++) {
    filterRe[k] = chirpRe[k]!;
    filterIm[k] = -chirpIm[k]!;
    if (k > 0) {
      filterRe[m - k] = chirpRe[k]!;
      filterIm[m - k] = -chirpIm[k]!;
    }
  }
  inner.run(filterRe, filterIm, false);
  const workRe = allocate(dtype, m);
  const workIm = allocate(dtype, m);
  const forward = (re: FloatArray, im: FloatArray): void => {
    workRe.fill(0);
    workIm.fill(0);
    for (let k = 0; k < n; k++) {
      workRe[k] = re[k]! * chirpRe[k]! - im[k]! * chirpIm[k]!;
      workIm[k] = re[k]! * chirpIm[k]! + im[k]! * chirpRe[k]!;
    }
    inner.run(workRe, workIm, false);
    for (let k = 0; k < m; k++) {
      const r = workRe[k]! * filterRe[k]! - workIm[k]! * filterIm[k]!;
      workIm[k] = workRe[k]! * filterIm[k]! + workIm[k]! * filterRe[k]!;
      workRe[k] = r;
    }
    inner.run(workRe, workIm, true);
    for (let k = 0; k < n; k++) {
      const r = workRe[k]! / m;
      const i = workIm[k]! / m;
      re[k] = r * chirpRe[k]! - i * chirpIm[k]!;
      im[k] = r * chirpIm[k]! + i * chirpRe[k]!;
    }
  };
  return { n, tableElements: bluesteinTableElements(n), forward };
}

/** Twiddles n (n/2 cos + n/2 sin) for radix-2; m twiddles, 2n chirp, 2m filter, 2m scratch for Bluestein. */
export function fftTableElements(n: number): number {
  return isPowerOfTwo(n) ? (n > 1 ? n : 0) : bluesteinTableElements(n);
}

function bluesteinTableElements(n: number): number {
  const m = bluesteinLength(n);
  return m + 2 * n + 4 * m;
}

export function createFftPlan(n: number, dtype: DType): FftPlan {
  if (n === 1) return { n, tableElements: 0, forward: () => undefined };
  if (isPowerOfTwo(n)) {
    const plan = radix2(n, dtype);
    return { n, tableElements: fftTableElements(n), forward: (re, im) => plan.run(re, im, false) };
  }
  return bluestein(n, dtype);
}

/**
 * FLOPs of one length-n complex FFT: 5n·log2 n for radix-2. Bluestein: two length-m FFTs, one
 * complex product per point of m (6 FLOPs), two per point of n, and the 1/m scaling (2n).
 */
export function fftFlops(n: number): number {
  if (n === 1) return 0;
  if (isPowerOfTwo(n)) return 5 * n * Math.log2(n);
  const m = bluesteinLength(n);
  return 2 * 5 * m * Math.log2(m) + 6 * m + 12 * n + 2 * n;
}

/** One-time FLOPs of a plan: Bluestein transforms its filter once (tables themselves are not counted). */
export function fftPlanFlops(n: number): number {
  if (isPowerOfTwo(n)) return 0;
  const m = bluesteinLength(n);
  return 5 * m * Math.log2(m);
}
