/**
 * FNet's `fft` form (MIXERS.md §10) in gpu.js: the L transforms of length d along the hidden axis,
 * then the d transforms of length L along the sequence, both by fft-axis.ts (radix-2 Stockham
 * passes, Bluestein for other lengths), and Y = the real part.
 */
import type { Dims } from '../../../engine/core/mixer.js';
import { matrix, stage, type Cube, type GpujsInstance, type KernelThis } from '../gpujs.js';
import { axisSizes, fftAxisStages } from './fft-axis.js';
import { dim, type GpujsForm, type GpujsPlan } from './plan.js';

/** Y[t][j] = Re(spectrum[j][t]), the sequence transforms stored per column j. Output [L, d]. */
function realPart(this: KernelThis<{ L: number }>, S: Cube): number {
  return S[this.thread.x]![this.thread.y]![0]!;
}

function fftPlan(gpu: GpujsInstance, dims: Dims): GpujsPlan {
  const L = dim(dims, 'L');
  const d = dim(dims, 'd');
  const hidden = fftAxisStages(gpu, axisSizes(L, d, false));
  const sequence = fftAxisStages(gpu, axisSizes(d, L, true));
  const real = stage(gpu, realPart, [d, L], { L });
  return {
    stages: [...hidden.stages, ...sequence.stages, real],
    outputShape: [L, d],
    async run(x, keep) {
      const Z = keep(await hidden.run(matrix(x['X']!, L, d), keep));
      return real(keep(await sequence.run(Z, keep)));
    },
  };
}

export const fnetFft: GpujsForm = {
  fidelity: 'exact',
  note:
    'radix-2 Stockham passes (Bluestein for lengths that are not powers of two), one launch per pass; each complex ' +
    'value is two threads that both read their butterfly',
  build: (gpu, dims) => fftPlan(gpu, dims),
};
