import type { Dims, Inputs, Mixer, SweepShape } from '../../core/mixer.js';
import { normalArray, type Rng } from '../../core/random.js';
import { tensor } from '../../core/tensor.js';
import { dftCost, fftCost } from './cost.js';
import { dft, fft } from './forms.js';
import { fnetReference } from './reference.js';

/**
 * No focusRow: FNet's token mixing is the fixed cos/sin pattern of the DFT, the same for every
 * input, and the real part couples the two halves of the hidden DFT, so no single row mixes tokens.
 */
export const fnet: Mixer = {
  id: 'fnet',
  title: 'FNet Fourier mixing',
  section: 10,
  summary: 'Y = Re(FFT over L of (FFT over d of X)); bidirectional, no parameters.',
  causal: false,
  tensors: [{ name: 'X', dims: ['L', 'd'], description: 'token features, one row per token' }],
  output: { name: 'Y', dims: ['L', 'd'], description: 'output, one row per token' },
  params: [],
  forms: [
    {
      id: 'fft',
      title: 'FFT',
      description: 'Radix-2 FFTs for powers of two, Bluestein chirp-z for any other length.',
      scaling: 'linearithmic',
      run: fft,
      cost: fftCost,
    },
    {
      id: 'dft',
      title: 'Dense DFT',
      description: 'Multiplies by the dense d×d and L×L DFT matrices.',
      scaling: 'quadratic',
      run: dft,
      cost: dftCost,
    },
  ],
  dims: (shape: SweepShape): Dims => ({ L: shape.L, d: shape.d }),
  randomInputs: (dims: Dims, rng: Rng): Inputs => {
    const { L, d } = dims as { L: number; d: number };
    return { X: tensor([L, d], normalArray(rng, L * d)) };
  },
  reference: fnetReference,
};
