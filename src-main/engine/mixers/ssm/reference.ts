/**
 * Float64 reference for the diagonal discrete SSM, MIXERS.md §5, by the recurrence per channel c:
 *   h_t[c] = Abar[t,c,:] ⊙ h_{t−1}[c] + B[t,:]·X[t,c],  Y[t,c] = C[t,:]·h_t[c]  (h_{−1} = 0, no D skip).
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';

export function ssmSizes(inputs: Inputs): { L: number; D: number; r: number } {
  const [L, D, r] = inputs['Abar']!.shape as [number, number, number];
  return { L, D, r };
}

export function ssmReference(inputs: Inputs, _params: Params): Tensor {
  const { L, D, r } = ssmSizes(inputs);
  const X = inputs['X']!.data;
  const Abar = inputs['Abar']!.data;
  const B = inputs['B']!.data;
  const C = inputs['C']!.data;
  const h = new Float64Array(D * r);
  const Y = new Float64Array(L * D);
  for (let t = 0; t < L; t++) {
    for (let c = 0; c < D; c++) {
      let y = 0;
      for (let k = 0; k < r; k++) {
        const next = Abar[(t * D + c) * r + k]! * h[c * r + k]! + B[t * r + k]! * X[t * D + c]!;
        h[c * r + k] = next;
        y += C[t * r + k]! * next;
      }
      Y[t * D + c] = y;
    }
  }
  return tensor([L, D], Y);
}
