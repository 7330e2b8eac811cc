/**
 * FNet's dense DFT form (MIXERS.md §10) in gpu.js: the d×d and L×L DFT matrices as tables, then
 * Z = X·F_dᵀ (Z_r = X·cos, Z_i = −X·sin, X real) and Y = Re(F_L Z) = cos_L·Z_r + sin_L·Z_i.
 * Angles are 2π·m/n with m = k·j mod n reduced before scaling, exact in float32 (k·j < 2²⁴).
 */
import type { Dims } from '../../../engine/core/mixer.js';
import { matrix, stage, type GpujsInstance, type KernelThis, type Rows } from '../gpujs.js';
import { dim, type GpujsForm, type GpujsPlan } from './plan.js';

interface Sizes {
  readonly L: number;
  readonly d: number;
  /** The table's length n (d or L). */
  readonly n: number;
}
type K = KernelThis<Sizes>;

/**
 * Rows 0..n−1: cos(2πkj/n); rows n..2n−1: sin(2πkj/n). Output [2n, n]. The angle is reduced in
 * exact integers to a quadrant q and θ ∈ [0, π/4] (past π/4 the complement), where sin and cos are
 * Taylor polynomials to x¹¹ and x¹⁰: no backend's builtin is relied on (SwiftShader's cos(π/4) is off
 * by 4e-5). Divisions on a GPU need not round correctly, so each reduction is checked and fixed.
 */
function dftTable(this: K): number {
  const n = this.constants.n;
  const row = this.thread.y;
  let k = row;
  if (row >= n) k = row - n;
  let m = (k * this.thread.x) % n;
  if (m >= n) m = m - n;
  if (m < 0) m = m + n;
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
  if (row >= n) return sq;
  return cq;
}

/** Columns 0..d−1: Z_r[t][j]; columns d..2d−1: Z_i[t][j]. Output [L, 2d]. */
function hiddenDft(this: K, X: Rows, Fd: Rows): number {
  const t = this.thread.y;
  let j = this.thread.x;
  let sign = 1;
  let offset = 0;
  if (j >= this.constants.d) {
    j = j - this.constants.d;
    sign = -1;
    offset = this.constants.d;
  }
  let acc = 0;
  for (let c = 0; c < this.constants.d; c++) acc += X[t]![c]! * Fd[offset + j]![c]!;
  return sign * acc;
}

/** Y[t][j] = Σ_s cos_L[t][s]·Z_r[s][j] + sin_L[t][s]·Z_i[s][j]. Output [L, d]. */
function sequenceDft(this: K, Z: Rows, FL: Rows): number {
  const t = this.thread.y;
  const j = this.thread.x;
  let acc = 0;
  for (let s = 0; s < this.constants.L; s++) {
    acc += FL[t]![s]! * Z[s]![j]! + FL[this.constants.L + t]![s]! * Z[s]![this.constants.d + j]!;
  }
  return acc;
}

function dftPlan(gpu: GpujsInstance, dims: Dims): GpujsPlan {
  const L = dim(dims, 'L');
  const d = dim(dims, 'd');
  const tableD = stage(gpu, dftTable, [d, 2 * d], { L, d, n: d });
  const tableL = stage(gpu, dftTable, [L, 2 * L], { L, d, n: L });
  const hidden = stage(gpu, hiddenDft, [2 * d, L], { L, d, n: d });
  const sequence = stage(gpu, sequenceDft, [d, L], { L, d, n: L });
  return {
    stages: [tableD, tableL, hidden, sequence],
    outputShape: [L, d],
    async run(x, keep) {
      const Z = keep(await hidden(matrix(x['X']!, L, d), keep(await tableD())));
      return sequence(Z, keep(await tableL()));
    },
  };
}

export const fnetDft: GpujsForm = { fidelity: 'exact', build: (gpu, dims) => dftPlan(gpu, dims) };
