/**
 * One Monte-Carlo point of the focus analysis: the mean S of the effective row of the last token
 * (t = L − 1) over `trials` independent draws. Each draw takes the mixer's own random inputs and,
 * where the mixer has a query/key pair (Q/K, or C/B for the SSD family), sets every query row to the
 * fixed q = ‖q‖·(1, …, 1)/√width and draws the keys k_s ~ N(0, σ²I) (MIXERS.md "Attention focus").
 */
import { MixscopeError } from '../core/errors.js';
import type { Inputs, Mixer, Params, SweepShape } from '../core/mixer.js';
import { normalArray, type Rng } from '../core/random.js';
import { tensor } from '../core/tensor.js';
import { sparsity } from './sparsity.js';

const QUERY_KEY_PAIRS: readonly (readonly [string, string])[] = [
  ['Q', 'K'],
  ['C', 'B'],
];

export interface FocusDraw {
  readonly shape: SweepShape;
  readonly params: Params;
  readonly qNorm: number;
  readonly sigma: number;
}

export interface FocusEstimate {
  /** Mean S over the draws with a defined S; null when no draw had one (all-zero rows). */
  readonly S: number | null;
  /** Standard error of that mean (sample standard deviation / √count). */
  readonly stdErr: number | null;
  readonly samples: number;
}

function withFixedQuery(inputs: Inputs, draw: FocusDraw, rng: Rng): Inputs {
  const pair = QUERY_KEY_PAIRS.find(([q, k]) => inputs[q] && inputs[k]);
  if (!pair) return inputs;
  const [queryName, keyName] = pair;
  const [rows, width] = inputs[queryName]!.shape as [number, number];
  const query = new Float64Array(rows * width).fill(draw.qNorm / Math.sqrt(width));
  const keys = inputs[keyName]!;
  return {
    ...inputs,
    [queryName]: tensor([rows, width], query),
    [keyName]: tensor(keys.shape, normalArray(rng, keys.data.length, draw.sigma)),
  };
}

export function focusRowSample(mixer: Mixer, draw: FocusDraw, rng: Rng): Float64Array {
  if (!mixer.focusRow) {
    throw new MixscopeError(`${mixer.id} has no attention-like row, so it has no focus curve`, 'unsupported');
  }
  const inputs = withFixedQuery(mixer.randomInputs(mixer.dims(draw.shape, draw.params), rng, draw.params), draw, rng);
  return mixer.focusRow(inputs, draw.params, draw.shape.L - 1);
}

export function estimateFocus(mixer: Mixer, draw: FocusDraw, trials: number, rng: Rng): FocusEstimate {
  let count = 0;
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < trials; i++) {
    const s = sparsity(focusRowSample(mixer, draw, rng));
    if (Number.isNaN(s)) continue;
    count++;
    sum += s;
    sumSquares += s * s;
  }
  if (count === 0) return { S: null, stdErr: null, samples: 0 };
  const mean = sum / count;
  const variance = count > 1 ? Math.max(0, (sumSquares - count * mean * mean) / (count - 1)) : 0;
  return { S: mean, stdErr: Math.sqrt(variance / count), samples: count };
}
