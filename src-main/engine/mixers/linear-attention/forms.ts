/**
 * The CPU kernels of linear attention (MIXERS.md §2), in the run's dtype. The parallel and chunked
 * forms first map Q and K through φ = elu + 1 into φQ, φK (L×d each), as a GPU pipeline would.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type FloatArray, type Tensor } from '../../core/tensor.js';
import { chunkSize } from '../common/chunks.js';
import { qkvSizes } from '../common/qkv.js';
import { eluPlusOne } from './reference.js';

function featureMap(x: Tensor, dtype: DType): FloatArray {
  const out = allocate(dtype, x.data.length);
  for (let i = 0; i < out.length; i++) out[i] = eluPlusOne(x.data[i]!);
  return out;
}

/** A = (φ(Q) φ(K)ᵀ) ⊙ M (L×L, causal), then Y = (A V) / (A 1) row by row. */
export function parallel(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const fQ = featureMap(inputs['Q']!, dtype);
  const fK = featureMap(inputs['K']!, dtype);
  const V = cast(inputs['V']!, dtype).data;
  const A = allocate(dtype, L * L);
  const Y = allocate(dtype, L * dv);
  for (let t = 0; t < L; t++) {
    for (let s = 0; s <= t; s++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += fQ[t * d + i]! * fK[s * d + i]!;
      A[t * L + s] = dot;
    }
  }
  for (let t = 0; t < L; t++) {
    let rowSum = 0;
    for (let s = 0; s <= t; s++) rowSum += A[t * L + s]!;
    for (let j = 0; j < dv; j++) {
      let numerator = 0;
      for (let s = 0; s <= t; s++) numerator += A[t * L + s]! * V[s * dv + j]!;
      Y[t * dv + j] = numerator / rowSum;
    }
  }
  return tensor([L, dv], Y);
}

/** S and z updated per token; φ(k_t), φ(q_t) live in two d-vectors reused every step. */
export function recurrent(inputs: Inputs, _params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Q = cast(inputs['Q']!, dtype).data;
  const K = cast(inputs['K']!, dtype).data;
  const V = cast(inputs['V']!, dtype).data;
  const S = allocate(dtype, d * dv);
  const z = allocate(dtype, d);
  const fq = allocate(dtype, d);
  const Y = allocate(dtype, L * dv);
  for (let t = 0; t < L; t++) {
    let denominator = 0;
    for (let i = 0; i < d; i++) {
      const k = eluPlusOne(K[t * d + i]!);
      z[i] = z[i]! + k;
      for (let j = 0; j < dv; j++) S[i * dv + j] = S[i * dv + j]! + k * V[t * dv + j]!;
      fq[i] = eluPlusOne(Q[t * d + i]!);
      denominator += fq[i]! * z[i]!;
    }
    for (let j = 0; j < dv; j++) {
      let numerator = 0;
      for (let i = 0; i < d; i++) numerator += fq[i]! * S[i * dv + j]!;
      Y[t * dv + j] = numerator / denominator;
    }
  }
  return tensor([L, dv], Y);
}

/**
 * Chunks of C tokens: for t in chunk [c0, c1),
 *   y_t = (S_inᵀ φq_t + Σ_{c0≤s≤t} A_ts v_s) / (φq_t·z_in + Σ_{c0≤s≤t} A_ts),  A_ts = φq_t·φk_s,
 * then S and z absorb the chunk's keys and values.
 */
export function chunked(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const C = chunkSize(params, 'linear-attention');
  const width = Math.min(C, L);
  const fQ = featureMap(inputs['Q']!, dtype);
  const fK = featureMap(inputs['K']!, dtype);
  const V = cast(inputs['V']!, dtype).data;
  const A = allocate(dtype, width * width);
  const S = allocate(dtype, d * dv);
  const z = allocate(dtype, d);
  const Y = allocate(dtype, L * dv);
  for (let c0 = 0; c0 < L; c0 += C) {
    const c1 = Math.min(L, c0 + C);
    for (let t = c0; t < c1; t++) {
      let denominator = 0;
      for (let i = 0; i < d; i++) denominator += fQ[t * d + i]! * z[i]!;
      for (let s = c0; s <= t; s++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += fQ[t * d + i]! * fK[s * d + i]!;
        A[(t - c0) * width + (s - c0)] = dot;
        denominator += dot;
      }
      for (let j = 0; j < dv; j++) {
        let numerator = 0;
        for (let i = 0; i < d; i++) numerator += fQ[t * d + i]! * S[i * dv + j]!;
        for (let s = c0; s <= t; s++) numerator += A[(t - c0) * width + (s - c0)]! * V[s * dv + j]!;
        Y[t * dv + j] = numerator / denominator;
      }
    }
    for (let s = c0; s < c1; s++) {
      for (let i = 0; i < d; i++) {
        const k = fK[s * d + i]!;
        z[i] = z[i]! + k;
        for (let j = 0; j < dv; j++) S[i * dv + j] = S[i * dv + j]! + k * V[s * dv + j]!;
      }
    }
  }
  return tensor([L, dv], Y);
}
