/**
 * Float64 reference for Hydra (MIXERS.md §12), written as the definition reads:
 * Y = shift(SS(X)) + flip(shift(SS(flip X))) + Dskip·X, with the SSD mixer
 * SS(X; a,B,C)_t = Σ_{s≤t} (C_t·B_s)(a_{s+1}…a_t) X_s, shift(Y)_t = Y_{t−1} (shift(Y)_0 = 0) and flip
 * reversing time in X, a, B and C.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';

export interface HydraSizes {
  readonly L: number;
  readonly N: number;
  readonly P: number;
}

export function hydraSizes(inputs: Inputs): HydraSizes {
  const [L, P] = inputs['X']!.shape as [number, number];
  return { L, N: inputs['B']!.shape[1]!, P };
}

export function skipWeight(params: Params): number {
  return Number(params['Dskip']);
}

/** Reverses the rows of an L×width row-major array. */
function flip(data: Float64Array, L: number, width: number): Float64Array {
  const out = new Float64Array(L * width);
  for (let t = 0; t < L; t++) out.set(data.subarray((L - 1 - t) * width, (L - t) * width), t * width);
  return out;
}

function shift(Y: Float64Array, L: number, width: number): Float64Array {
  const out = new Float64Array(L * width);
  out.set(Y.subarray(0, (L - 1) * width), width);
  return out;
}

function ss(X: Float64Array, a: Float64Array, B: Float64Array, C: Float64Array, { L, N, P }: HydraSizes): Float64Array {
  const Y = new Float64Array(L * P);
  for (let t = 0; t < L; t++) {
    let decay = 1;
    for (let s = t; s >= 0; s--) {
      let cb = 0;
      for (let n = 0; n < N; n++) cb += C[t * N + n]! * B[s * N + n]!;
      for (let p = 0; p < P; p++) Y[t * P + p] = Y[t * P + p]! + cb * decay * X[s * P + p]!;
      decay *= a[s]!;
    }
  }
  return Y;
}

export function hydraReference(inputs: Inputs, params: Params): Tensor {
  const sizes = hydraSizes(inputs);
  const { L, N, P } = sizes;
  const X = Float64Array.from(inputs['X']!.data);
  const a = Float64Array.from(inputs['a']!.data);
  const B = Float64Array.from(inputs['B']!.data);
  const C = Float64Array.from(inputs['C']!.data);
  const forward = shift(ss(X, a, B, C, sizes), L, P);
  const backward = flip(shift(ss(flip(X, L, P), flip(a, L, 1), flip(B, L, N), flip(C, L, N), sizes), L, P), L, P);
  const D = skipWeight(params);
  const Y = new Float64Array(L * P);
  for (let i = 0; i < L * P; i++) Y[i] = forward[i]! + backward[i]! + D * X[i]!;
  return tensor([L, P], Y);
}
