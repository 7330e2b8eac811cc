/**
 * FNet's dense DFT form (MIXERS.md §10) in gpu.js: the d×d and L×L DFT matrices as tables, then
 * Z = X·F_dᵀ (Z_r = X·cos, Z_i = −X·sin, X real) and Y = Re(F_L Z) = cos_L·Z_r + sin_L·Z_i.
 * The tables come from unit-roots.ts (exact angle reduction, no device sin or cos).
 */
import { MixscopeError } from '../../../engine/core/errors.js';
import type { Dims } from '../../../engine/core/mixer.js';
import { matrix, stage, type GpujsInstance, type KernelThis, type Rows } from '../gpujs.js';
import { dim, type GpujsForm, type GpujsPlan } from './plan.js';
import { MAX_ROOTS_ORDER, unitRoots } from './unit-roots.js';

interface Sizes {
  readonly L: number;
  readonly d: number;
}
type K = KernelThis<Sizes>;

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
  if (Math.max(L, d) > MAX_ROOTS_ORDER) {
    throw new MixscopeError(`gpu.js fnet dft takes L and d up to ${MAX_ROOTS_ORDER} (exact angles in float32); got ${Math.max(L, d)}`, 'unsupported');
  }
  const tableD = stage(gpu, unitRoots, [d, 2 * d], { n: d, R: d, first: 0, square: 0 });
  const tableL = stage(gpu, unitRoots, [L, 2 * L], { n: L, R: L, first: 0, square: 0 });
  const hidden = stage(gpu, hiddenDft, [2 * d, L], { L, d });
  const sequence = stage(gpu, sequenceDft, [d, L], { L, d });
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
