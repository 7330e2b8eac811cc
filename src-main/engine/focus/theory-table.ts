/**
 * Which registered mixer has a closed form for its focus curve (MIXERS.md "Attention focus"):
 * softmax attention (f = exp, scaled by its `scale` parameter) and simplified linear attention
 * (f = identity, β = 0). Other mixers are plotted without a theory curve.
 */
import type { Params } from '../core/mixer.js';
import { softmaxScale } from '../mixers/softmax-attention/reference.js';
import { plainLinearSparsity, softmaxSparsityLimit } from './theory.js';

export interface TheoryPoint {
  readonly d: number;
  readonly sigma: number;
  readonly qNorm: number;
  readonly params: Params;
}

export interface FocusTheory {
  readonly label: string;
  value(point: TheoryPoint): number;
}

export const FOCUS_THEORY: Readonly<Record<string, FocusTheory>> = {
  'softmax-attention': {
    label: 'exp(−σ²‖q‖²·scale²/2), t → ∞',
    value: ({ d, sigma, qNorm, params }) => softmaxSparsityLimit(sigma, qNorm, softmaxScale(params, d)),
  },
  'simple-linear-attention': {
    label: '√(2/π)',
    value: () => plainLinearSparsity(0, 1),
  },
};
