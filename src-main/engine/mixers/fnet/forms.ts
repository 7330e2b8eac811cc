/** The CPU kernels of FNet mixing (MIXERS.md §10), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { createFftPlan } from './fft-plan.js';
import { fnetSizes } from './reference.js';

/** FFT over d of every row into the complex spectrum Z, then FFT over L of every column; Y = Re. */
export function fft(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d } = fnetSizes(inputs);
  const X = cast(inputs['X']!, dtype).data;
  const zRe = allocate(dtype, L * d);
  const zIm = allocate(dtype, L * d);
  const Y = allocate(dtype, L * d);
  const rowRe = allocate(dtype, d);
  const rowIm = allocate(dtype, d);
  const colRe = allocate(dtype, L);
  const colIm = allocate(dtype, L);
  const hidden = createFftPlan(d, dtype);
  const sequence = createFftPlan(L, dtype);
  for (let t = 0; t < L; t++) {
    rowRe.set(X.subarray(t * d, (t + 1) * d));
    rowIm.fill(0);
    hidden.forward(rowRe, rowIm);
    zRe.set(rowRe, t * d);
    zIm.set(rowIm, t * d);
  }
  for (let j = 0; j < d; j++) {
    for (let t = 0; t < L; t++) {
      colRe[t] = zRe[t * d + j]!;
      colIm[t] = zIm[t * d + j]!;
    }
    sequence.forward(colRe, colIm);
    for (let t = 0; t < L; t++) Y[t * d + j] = colRe[t]!;
  }
  return tensor([L, d], Y);
}

/** cos and sin parts of the n×n DFT matrix F_kj = e^{−2πi·kj/n}, angles reduced mod n. */
function dftMatrix(n: number, dtype: DType): { cos: FloatArray; sin: FloatArray } {
  const cos = allocate(dtype, n * n);
  const sin = allocate(dtype, n * n);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const angle = (2 * Math.PI * ((k * j) % n)) / n;
      cos[k * n + j] = Math.cos(angle);
      sin[k * n + j] = Math.sin(angle);
    }
  }
  return { cos, sin };
}

/**
 * Dense DFTs: Z = X·F_dᵀ (Z_r = X·cos, Z_i = −X·sin; X is real), then
 * Y = Re(F_L Z) = cos_L·Z_r + sin_L·Z_i, since Re((c − is)(z_r + iz_i)) = c·z_r + s·z_i.
 */
export function dft(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d } = fnetSizes(inputs);
  const X = cast(inputs['X']!, dtype).data;
  const Fd = dftMatrix(d, dtype);
  const FL = dftMatrix(L, dtype);
  const zRe = allocate(dtype, L * d);
  const zIm = allocate(dtype, L * d);
  const Y = allocate(dtype, L * d);
  for (let t = 0; t < L; t++) {
    for (let j = 0; j < d; j++) {
      let re = 0;
      let im = 0;
      for (let c = 0; c < d; c++) {
        re += X[t * d + c]! * Fd.cos[j * d + c]!;
        im -= X[t * d + c]! * Fd.sin[j * d + c]!;
      }
      zRe[t * d + j] = re;
      zIm[t * d + j] = im;
    }
  }
  for (let t = 0; t < L; t++) {
    for (let j = 0; j < d; j++) {
      let y = 0;
      for (let s = 0; s < L; s++) y += FL.cos[t * L + s]! * zRe[s * d + j]! + FL.sin[t * L + s]! * zIm[s * d + j]!;
      Y[t * d + j] = y;
    }
  }
  return tensor([L, d], Y);
}
