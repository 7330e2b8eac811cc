/** The CPU kernels of the diagonal SSM (MIXERS.md §5), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { copyOut } from '../../kernels/causal.js';
import { workspace } from '../../kernels/gemm.js';
import { ssmSizes } from './reference.js';

/**
 * The recurrence over t with all D channels' r-wide states (D×r) held at once. The inputs are
 * converted into the engine's reused kernel memory (kernels/): Abar holds L·D·r values, and a
 * fresh array of that size per run cost more than the recurrence itself.
 */
export function scan(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, D, r } = ssmSizes(inputs);
  const [X, Abar, B, C, h, Y] = workspace().frame(dtype, [L * D, L * D * r, L * r, L * r, D * r, L * D]) as [
    FloatArray, FloatArray, FloatArray, FloatArray, FloatArray, FloatArray,
  ];
  X.set(inputs['X']!.data);
  Abar.set(inputs['Abar']!.data);
  B.set(inputs['B']!.data);
  C.set(inputs['C']!.data);
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
  return tensor([L, D], copyOut(Y));
}
