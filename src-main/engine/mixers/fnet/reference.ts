/**
 * Float64 reference for FNet mixing (MIXERS.md §10), the plain double sum of the 2-D DFT:
 * Y[t,j] = Re Σ_s Σ_c X[s,c]·e^{−2πi(ts/L + jc/d)} = Σ_s Σ_c X[s,c]·cos(2π((ts mod L)/L + (jc mod d)/d)).
 * The products are reduced mod L and mod d first so the angles stay exact.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';

export function fnetSizes(inputs: Inputs): { L: number; d: number } {
  const [L, d] = inputs['X']!.shape as [number, number];
  return { L, d };
}

export function fnetReference(inputs: Inputs, _params: Params): Tensor {
  const { L, d } = fnetSizes(inputs);
  const X = inputs['X']!.data;
  const Y = new Float64Array(L * d);
  for (let t = 0; t < L; t++) {
    for (let j = 0; j < d; j++) {
      let y = 0;
      for (let s = 0; s < L; s++) {
        for (let c = 0; c < d; c++) {
          y += X[s * d + c]! * Math.cos(2 * Math.PI * (((t * s) % L) / L + ((j * c) % d) / d));
        }
      }
      Y[t * d + j] = y;
    }
  }
  return tensor([L, d], Y);
}
