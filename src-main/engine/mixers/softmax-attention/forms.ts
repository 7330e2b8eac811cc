/** The CPU kernels of softmax attention (MIXERS.md §1), in the run's dtype. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';
import { softmaxScale } from './reference.js';

/** S = QKᵀ·scale (L×L, upper triangle skipped), row softmax, then S·V. */
export function materialized(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Q = cast(inputs['Q']!, dtype).data;
  const K = cast(inputs['K']!, dtype).data;
  const V = cast(inputs['V']!, dtype).data;
  const scale = softmaxScale(params, d);
  const S = allocate(dtype, L * L);
  const Y = allocate(dtype, L * dv);
  for (let t = 0; t < L; t++) {
    let max = -Infinity;
    for (let s = 0; s <= t; s++) {
      let dot = 0;
      for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
      S[t * L + s] = dot * scale;
      if (S[t * L + s]! > max) max = S[t * L + s]!;
    }
    let sum = 0;
    for (let s = 0; s <= t; s++) {
      S[t * L + s] = Math.exp(S[t * L + s]! - max);
      sum += S[t * L + s]!;
    }
    for (let s = 0; s <= t; s++) S[t * L + s] = S[t * L + s]! / sum;
  }
  for (let t = 0; t < L; t++) {
    for (let s = 0; s <= t; s++) {
      const a = S[t * L + s]!;
      for (let j = 0; j < dv; j++) Y[t * dv + j] = Y[t * dv + j]! + a * V[s * dv + j]!;
    }
  }
  return tensor([L, dv], Y);
}

/**
 * Online softmax over key tiles of `tile` rows (FlashAttention-style): per query row a running
 * max m, running sum ℓ and running output o; never holds more than one tile of scores.
 */
export function fused(inputs: Inputs, params: Params, dtype: DType, tile = 64): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Q = cast(inputs['Q']!, dtype).data;
  const K = cast(inputs['K']!, dtype).data;
  const V = cast(inputs['V']!, dtype).data;
  const scale = softmaxScale(params, d);
  const Y = allocate(dtype, L * dv);
  const scores = allocate(dtype, tile);
  const acc = allocate(dtype, dv);
  for (let t = 0; t < L; t++) {
    let m = -Infinity;
    let l = 0;
    acc.fill(0);
    for (let s0 = 0; s0 <= t; s0 += tile) {
      const s1 = Math.min(t + 1, s0 + tile);
      let tileMax = -Infinity;
      for (let s = s0; s < s1; s++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += Q[t * d + i]! * K[s * d + i]!;
        scores[s - s0] = dot * scale;
        if (scores[s - s0]! > tileMax) tileMax = scores[s - s0]!;
      }
      const mNew = Math.max(m, tileMax);
      const correction = Math.exp(m - mNew);
      l *= correction;
      for (let j = 0; j < dv; j++) acc[j] = acc[j]! * correction;
      for (let s = s0; s < s1; s++) {
        const p = Math.exp(scores[s - s0]! - mNew);
        l += p;
        for (let j = 0; j < dv; j++) acc[j] = acc[j]! + p * V[s * dv + j]!;
      }
      m = mNew;
    }
    for (let j = 0; j < dv; j++) Y[t * dv + j] = acc[j]! / l;
  }
  return tensor([L, dv], Y);
}
