/**
 * The SSD algorithm of Mamba-2 ("minimal SSD", Dao & Gu 2024; MIXERS.md §6) on chunks of Q tokens,
 * with the decays kept as running products (Π a) where the listing has exp(segsum(log a)):
 *   (1) diagonal blocks: Y_t = Σ_{s in chunk, s≤t} G_ts (C_t·B_s) X_s,
 *   (2) chunk states: H_c = Σ_{s in chunk} (a_{s+1}·…·a_{end}) B_s X_sᵀ,
 *   (3) a scan over chunks turns H_c into the state entering each chunk,
 *   (4) state to output: Y_t += (a_{start}·…·a_t) · h_inᵀ C_t.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type Tensor } from '../../core/tensor.js';
import { chunkSize } from '../common/chunks.js';
import { ssdSizes } from './reference.js';

export function chunked(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, N, P } = ssdSizes(inputs);
  const X = cast(inputs['X']!, dtype).data;
  const a = cast(inputs['a']!, dtype).data;
  const B = cast(inputs['B']!, dtype).data;
  const C = cast(inputs['C']!, dtype).data;
  const Q = chunkSize(params, 'ssd');
  const width = Math.min(Q, L);
  const chunks = Math.ceil(L / Q);
  const NP = N * P;
  // decay[t] = a_{start}·…·a_t within t's chunk: the listing's exp(A_cumsum).
  const decay = allocate(dtype, L);
  const scores = allocate(dtype, chunks * width * width);
  const states = allocate(dtype, chunks * NP);
  const Y = allocate(dtype, L * P);
  for (let c = 0; c < chunks; c++) {
    const c0 = c * Q;
    const c1 = Math.min(L, c0 + Q);
    for (let t = c0; t < c1; t++) decay[t] = (t === c0 ? 1 : decay[t - 1]!) * a[t]!;
    // (1) the chunk's Q×Q block of G ⊙ (C Bᵀ), then its outputs.
    const block = c * width * width;
    for (let t = c0; t < c1; t++) {
      let G = 1;
      for (let s = t; s >= c0; s--) {
        let dot = 0;
        for (let n = 0; n < N; n++) dot += C[t * N + n]! * B[s * N + n]!;
        scores[block + (t - c0) * width + (s - c0)] = G * dot;
        G *= a[s]!;
      }
      for (let p = 0; p < P; p++) {
        let y = 0;
        for (let s = c0; s <= t; s++) y += scores[block + (t - c0) * width + (s - c0)]! * X[s * P + p]!;
        Y[t * P + p] = y;
      }
    }
    // (2) the state this chunk alone leaves at its end.
    let toEnd = 1;
    for (let s = c1 - 1; s >= c0; s--) {
      for (let n = 0; n < N; n++) {
        const b = toEnd * B[s * N + n]!;
        for (let p = 0; p < P; p++) states[c * NP + n * P + p] = states[c * NP + n * P + p]! + b * X[s * P + p]!;
      }
      toEnd *= a[s]!;
    }
  }
  // (3) in place: states[c] becomes the state entering chunk c, h_in(c+1) = decay_end(c)·h_in(c) + H_c.
  for (let e = 0; e < NP; e++) {
    let carry = 0;
    for (let c = 0; c < chunks; c++) {
      const local = states[c * NP + e]!;
      states[c * NP + e] = carry;
      carry = decay[Math.min(L, (c + 1) * Q) - 1]! * carry + local;
    }
  }
  // (4) the entering state's contribution to every output of the chunk.
  for (let t = 0; t < L; t++) {
    const h = Math.floor(t / Q) * NP;
    for (let p = 0; p < P; p++) {
      let y = 0;
      for (let n = 0; n < N; n++) y += states[h + n * P + p]! * C[t * N + n]!;
      Y[t * P + p] = Y[t * P + p]! + decay[t]! * y;
    }
  }
  return tensor([L, P], Y);
}
