/** The CPU kernels of the diagonal SSM (MIXERS.md §5), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type Tensor } from '../../core/tensor.js';
import { ssmSizes } from './reference.js';

function castInputs(inputs: Inputs, dtype: DType) {
  return {
    X: cast(inputs['X']!, dtype).data,
    Abar: cast(inputs['Abar']!, dtype).data,
    B: cast(inputs['B']!, dtype).data,
    C: cast(inputs['C']!, dtype).data,
  };
}

/** The recurrence over t with all D channels' r-wide states (D×r) held at once. */
export function scan(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, D, r } = ssmSizes(inputs);
  const { X, Abar, B, C } = castInputs(inputs, dtype);
  const h = allocate(dtype, D * r);
  const Y = allocate(dtype, L * D);
  for (let t = 0; t < L; t++) {
    for (let c = 0; c < D; c++) {
      const x = X[t * D + c]!;
      let y = 0;
      for (let k = 0; k < r; k++) {
        h[c * r + k] = Abar[(t * D + c) * r + k]! * h[c * r + k]! + B[t * r + k]! * x;
        y += C[t * r + k]! * h[c * r + k]!;
      }
      Y[t * D + c] = y;
    }
  }
  return tensor([L, D], Y);
}
