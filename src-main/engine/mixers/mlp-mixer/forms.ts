/** The CPU kernel of MLP-Mixer token mixing (MIXERS.md §11), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type Tensor } from '../../core/tensor.js';
import { gelu } from '../common/erf.js';
import { mixerSizes } from './reference.js';

/** Two dense matrix products: H = gelu(W1·X) (h×d, gelu in place), then Y = W2·H. */
export function dense(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, h } = mixerSizes(inputs);
  const X = cast(inputs['X']!, dtype).data;
  const W1 = cast(inputs['W1']!, dtype).data;
  const W2 = cast(inputs['W2']!, dtype).data;
  const H = allocate(dtype, h * d);
  const Y = allocate(dtype, L * d);
  for (let k = 0; k < h; k++) {
    for (let s = 0; s < L; s++) {
      const w = W1[k * L + s]!;
      for (let j = 0; j < d; j++) H[k * d + j] = H[k * d + j]! + w * X[s * d + j]!;
    }
  }
  for (let i = 0; i < h * d; i++) H[i] = gelu(H[i]!);
  for (let t = 0; t < L; t++) {
    for (let k = 0; k < h; k++) {
      const w = W2[t * h + k]!;
      for (let j = 0; j < d; j++) Y[t * d + j] = Y[t * d + j]! + w * H[k * d + j]!;
    }
  }
  return tensor([L, d], Y);
}
