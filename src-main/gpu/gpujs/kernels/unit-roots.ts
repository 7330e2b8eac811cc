/** cos and sin of 2π·m/n on every gpu.js backend to float32 accuracy, for FNet's DFT and FFT (MIXERS.md §10). */
import type { KernelThis } from '../gpujs.js';

interface Sizes {
  readonly n: number;
  readonly R: number;
  readonly first: number;
  /** 1: the multiplier k is j itself (angles 2π·j²/n, Bluestein's chirp). */
  readonly square: number;
}

/** Largest n whose reduction below stays exact: every product is under 2²⁴, float32's exact integers. */
export const MAX_ROOTS_ORDER = 65536;
type K = KernelThis<Sizes>;

/**
 * Row k < R: cos(2π(k + first)·j/n); row R + k: sin(2π(k + first)·j/n). Output [2R, width]: the DFT
 * matrix for R = n, first = 0; the n-th roots of unity e^{2πij/n} for R = 1, first = 1; the chirp
 * e^{πij²/n'} for n = 2n', R = 1, square = 1. m = k·j mod n is formed from j = 256·j_h + j_l so
 * that every product stays an exact float32 integer (n ≤ 2¹⁶), then the angle is reduced in
 * exact integers to a quadrant q and θ ∈ [0, π/4] (past π/4 the complement), where sin and cos are
 * Taylor polynomials to x¹¹ and x¹⁰: no backend's builtin is relied on (SwiftShader's cos(π/4) is off
 * by 4e-5). Divisions on a GPU need not round correctly, so each reduction is checked and fixed.
 */
export function unitRoots(this: K): number {
  const n = this.constants.n;
  const row = this.thread.y;
  let k = row + this.constants.first;
  if (row >= this.constants.R) k = row - this.constants.R + this.constants.first;
  const j = this.thread.x;
  if (this.constants.square > 0.5) k = j;
  const jh = Math.floor(j / 256);
  let high = (k * jh) % n;
  if (high >= n) high = high - n;
  if (high < 0) high = high + n;
  high = (high * 256) % n;
  if (high >= n) high = high - n;
  if (high < 0) high = high + n;
  let low = (k * (j - 256 * jh)) % n;
  if (low >= n) low = low - n;
  if (low < 0) low = low + n;
  let m = high + low;
  if (m >= n) m = m - n;
  let q = Math.floor((4 * m) / n);
  let rho = 4 * m - q * n;
  if (rho >= n) {
    q = q + 1;
    rho = rho - n;
  }
  if (rho < 0) {
    q = q - 1;
    rho = rho + n;
  }
  let flip = 0;
  if (2 * rho > n) {
    rho = n - rho;
    flip = 1;
  }
  const x = (1.5707963267948966 * rho) / n;
  const x2 = x * x;
  const sinX = x * (1 - (x2 / 6) * (1 - (x2 / 20) * (1 - (x2 / 42) * (1 - (x2 / 72) * (1 - x2 / 110)))));
  const cosX = 1 - (x2 / 2) * (1 - (x2 / 12) * (1 - (x2 / 30) * (1 - (x2 / 56) * (1 - x2 / 90))));
  let c = cosX;
  let s = sinX;
  if (flip > 0) {
    c = sinX;
    s = cosX;
  }
  // Rotate by q quarter turns: (c, s) → (−s, c) per turn.
  let cq = c;
  let sq = s;
  if (q === 1) {
    cq = -s;
    sq = c;
  }
  if (q === 2) {
    cq = -c;
    sq = -s;
  }
  if (q === 3) {
    cq = s;
    sq = -c;
  }
  if (row >= this.constants.R) return sq;
  return cq;
}
