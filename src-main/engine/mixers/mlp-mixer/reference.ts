/**
 * Float64 reference for MLP-Mixer token mixing (MIXERS.md §11), channel by channel:
 * for each channel j, u = gelu(W1 · X[:, j]) ∈ R^h and Y[:, j] = W2 · u, gelu(x) = x·Φ(x).
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';
import { gelu } from '../common/erf.js';

export function mixerSizes(inputs: Inputs): { L: number; d: number; h: number } {
  const [L, d] = inputs['X']!.shape as [number, number];
  return { L, d, h: inputs['W1']!.shape[0]! };
}

/** h = round(expansion·L), at least 1. */
export function hiddenWidth(L: number, expansion: number): number {
  return Math.max(1, Math.round(expansion * L));
}

export function mlpMixerReference(inputs: Inputs, _params: Params): Tensor {
  const { L, d, h } = mixerSizes(inputs);
  const X = inputs['X']!.data;
  const W1 = inputs['W1']!.data;
  const W2 = inputs['W2']!.data;
  const Y = new Float64Array(L * d);
  const u = new Float64Array(h);
  for (let j = 0; j < d; j++) {
    for (let k = 0; k < h; k++) {
      let z = 0;
      for (let s = 0; s < L; s++) z += W1[k * L + s]! * X[s * d + j]!;
      u[k] = gelu(z);
    }
    for (let t = 0; t < L; t++) {
      let y = 0;
      for (let k = 0; k < h; k++) y += W2[t * h + k]! * u[k]!;
      Y[t * d + j] = y;
    }
  }
  return tensor([L, d], Y);
}
