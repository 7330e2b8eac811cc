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

/**
 * Channel by channel, the r-semiseparable matrix M_ts = Σ_k C[t,k]·(Abar[t,c,k]·…·Abar[s+1,c,k])·B[s,k]
 * is built in one L×L buffer (the decay products run leftwards from the diagonal), then u = M x.
 */
export function materialized(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, D, r } = ssmSizes(inputs);
  const { X, Abar, B, C } = castInputs(inputs, dtype);
  const M = allocate(dtype, L * L);
  const decay = allocate(dtype, r);
  const Y = allocate(dtype, L * D);
  for (let c = 0; c < D; c++) {
    for (let t = 0; t < L; t++) {
      decay.fill(1);
      for (let s = t; s >= 0; s--) {
        let entry = 0;
        for (let k = 0; k < r; k++) {
          entry += C[t * r + k]! * decay[k]! * B[s * r + k]!;
          decay[k] = decay[k]! * Abar[(s * D + c) * r + k]!;
        }
        M[t * L + s] = entry;
      }
    }
    for (let t = 0; t < L; t++) {
      let y = 0;
      for (let s = 0; s <= t; s++) y += M[t * L + s]! * X[s * D + c]!;
      Y[t * D + c] = y;
    }
  }
  return tensor([L, D], Y);
}
