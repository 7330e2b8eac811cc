import type { Dims, Inputs, Mixer, Params, SweepShape } from '../../core/mixer.js';
import { normalArray, type Rng } from '../../core/random.js';
import { tensor } from '../../core/tensor.js';
import { denseCost } from './cost.js';
import { dense } from './forms.js';
import { hiddenWidth, mlpMixerReference } from './reference.js';

/**
 * The token-mixing MLP's width is h = expansion·L; the default 2 follows the usual MLP ratio
 * (the MLP-Mixer paper's token-mixing widths lie between 1.3 and 4 times the patch count).
 * No focusRow: the gelu between W1 and W2 makes the mixing depend on each channel's values, so no
 * one row per token describes it.
 */
export const mlpMixer: Mixer = {
  id: 'mlp-mixer',
  title: 'MLP-Mixer token mixing',
  section: 11,
  summary: 'Y = W2·gelu(W1·X) along the sequence; parameters scale with L, so one mixer per L.',
  causal: false,
  tensors: [
    { name: 'X', dims: ['L', 'd'], description: 'token features, one row per token' },
    { name: 'W1', dims: ['h', 'L'], description: 'token-mixing weights, first layer' },
    { name: 'W2', dims: ['L', 'h'], description: 'token-mixing weights, second layer' },
  ],
  output: { name: 'Y', dims: ['L', 'd'], description: 'output, one row per token' },
  params: [
    { name: 'expansion', description: 'hidden width h = round(expansion·L)', type: 'number', default: 2, min: 0, exclusive: true },
  ],
  forms: [
    {
      id: 'dense',
      title: 'Dense',
      description: 'Two dense matrix products along the sequence with an exact (erf) GELU between them.',
      scaling: 'quadratic',
      run: dense,
      cost: denseCost,
    },
  ],
  dims: (shape: SweepShape, params: Params): Dims => ({
    L: shape.L,
    d: shape.d,
    h: hiddenWidth(shape.L, Number(params['expansion'])),
  }),
  /** X ~ N(0, 1); W1 and W2 entries N(0, 1/fan_in), fan_in = L and h. */
  randomInputs: (dims: Dims, rng: Rng): Inputs => {
    const { L, d, h } = dims as { L: number; d: number; h: number };
    return {
      X: tensor([L, d], normalArray(rng, L * d)),
      W1: tensor([h, L], normalArray(rng, h * L, 1 / Math.sqrt(L))),
      W2: tensor([L, h], normalArray(rng, L * h, 1 / Math.sqrt(h))),
    };
  },
  reference: mlpMixerReference,
};
