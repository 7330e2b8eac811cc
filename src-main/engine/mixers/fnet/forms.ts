/** The CPU kernels of FNet mixing (MIXERS.md §10), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { copyOut, paddedLd } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { createFftPlan } from './fft-plan.js';
import { fnetSizes } from './reference.js';

/**
 * FFT over d of every row into the complex spectrum Z, then FFT over L of every column; Y = Re.
 * X (in the run's dtype), Z and the row and column buffers are views of the kernels' reused
 * memory; only the output is a fresh array.
 */
export function fft(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d } = fnetSizes(inputs);
  const [X, zRe, zIm, rowRe, rowIm, colRe, colIm] = workspace().frame(dtype, [L * d, L * d, L * d, d, d, L, L]) as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  X.set(inputs['X']!.data);
  const Y = allocate(dtype, L * d);
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

/** cos and sin parts of the n×n DFT matrix F_kj = e^{−2πi·kj/n} (rows ld apart), angles reduced mod n, written into frame views. */
function dftMatrix(n: number, cos: FloatArray, sin: FloatArray, ld = n): void {
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const angle = (2 * Math.PI * ((k * j) % n)) / n;
      cos[k * ld + j] = Math.cos(angle);
      sin[k * ld + j] = Math.sin(angle);
    }
  }
}

/**
 * Dense DFTs as four SIMD matmuls: Z = X·F_dᵀ (Z_r = X·cos, Z_i = −X·sin; X is real, F symmetric),
 * then Y = Re(F_L Z) = cos_L·Z_r + sin_L·Z_i, since Re((c − is)(z_r + iz_i)) = c·z_r + s·z_i.
 */
export function dft(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d } = fnetSizes(inputs);
  const ws = workspace();
  const ld = paddedLd(L);
  const [X, cosD, sinD, cosL, sinL, zRe, zIm, Y] = ws.frame(dtype, [L * d, d * d, d * d, L * ld, L * ld, L * d, L * d, L * d]) as FloatArray[];
  X!.set(inputs['X']!.data);
  dftMatrix(d, cosD!, sinD!);
  dftMatrix(L, cosL!, sinL!, ld);
  for (let i = 0; i < d * d; i++) sinD![i] = -sinD![i]!;
  ws.gemm(L, d, d, { data: X!, ld: d }, { data: cosD!, ld: d }, { data: zRe!, ld: d }, false);
  ws.gemm(L, d, d, { data: X!, ld: d }, { data: sinD!, ld: d }, { data: zIm!, ld: d }, false);
  ws.gemm(L, d, L, { data: cosL!, ld }, { data: zRe!, ld: d }, { data: Y!, ld: d }, false);
  ws.gemm(L, d, L, { data: sinL!, ld }, { data: zIm!, ld: d }, { data: Y!, ld: d }, true);
  return tensor([L, d], copyOut(Y!));
}
