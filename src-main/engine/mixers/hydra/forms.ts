/** The CPU kernels of Hydra (MIXERS.md §12), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type Tensor } from '../../core/tensor.js';
import { writeQuasiseparableRow } from './matrix.js';
import { hydraSizes, skipWeight } from './reference.js';

function load(inputs: Inputs, dtype: DType) {
  return {
    X: cast(inputs['X']!, dtype).data,
    a: cast(inputs['a']!, dtype).data,
    B: cast(inputs['B']!, dtype).data,
    C: cast(inputs['C']!, dtype).data,
  };
}

/** Builds the L×L quasiseparable matrix M, then Y = M X. */
export function materialized(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const sizes = hydraSizes(inputs);
  const { L, P } = sizes;
  const arrays = load(inputs, dtype);
  const M = allocate(dtype, L * L);
  const Y = allocate(dtype, L * P);
  for (let t = 0; t < L; t++) writeQuasiseparableRow(arrays, sizes, skipWeight(params), t, M, t * L);
  for (let t = 0; t < L; t++) {
    for (let s = 0; s < L; s++) {
      const m = M[t * L + s]!;
      for (let p = 0; p < P; p++) Y[t * P + p] = Y[t * P + p]! + m * arrays.X[s * P + p]!;
    }
  }
  return tensor([L, P], Y);
}

/**
 * Two SSD scans with N×P states. Forward: h_t = a_t h_{t−1} + B_t X_tᵀ, adding h_tᵀC_t to Y_{t+1}.
 * Backward (the flipped scan): g_t = a_t g_{t+1} + B_t X_tᵀ, adding g_tᵀC_t to Y_{t−1}. Plus Dskip·X.
 */
export function scan(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, N, P } = hydraSizes(inputs);
  const { X, a, B, C } = load(inputs, dtype);
  const skip = skipWeight(params);
  const h = allocate(dtype, N * P);
  const g = allocate(dtype, N * P);
  const Y = allocate(dtype, L * P);
  for (let i = 0; i < L * P; i++) Y[i] = skip * X[i]!;
  for (let step = 0; step < L; step++) {
    const t = step;
    const u = L - 1 - step;
    for (let n = 0; n < N; n++) {
      for (let p = 0; p < P; p++) {
        h[n * P + p] = a[t]! * h[n * P + p]! + B[t * N + n]! * X[t * P + p]!;
        g[n * P + p] = a[u]! * g[n * P + p]! + B[u * N + n]! * X[u * P + p]!;
      }
    }
    for (let p = 0; p < P; p++) {
      let forward = 0;
      let backward = 0;
      for (let n = 0; n < N; n++) {
        forward += h[n * P + p]! * C[t * N + n]!;
        backward += g[n * P + p]! * C[u * N + n]!;
      }
      if (t + 1 < L) Y[(t + 1) * P + p] = Y[(t + 1) * P + p]! + forward;
      if (u >= 1) Y[(u - 1) * P + p] = Y[(u - 1) * P + p]! + backward;
    }
  }
  return tensor([L, P], Y);
}
