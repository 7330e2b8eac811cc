/** The CPU kernels of TTT-linear (MIXERS.md §8), in the run's dtype. W is dv×d, row-major. */
import type { Inputs, Params } from '../../core/mixer.js';
import { allocate, cast, tensor, type DType, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';
import { tttBatch, tttStep } from './reference.js';

/** e = W k_t − v_t, W ← W − η e k_tᵀ, y_t = W q_t. */
export function recurrent(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Q = cast(inputs['Q']!, dtype).data;
  const K = cast(inputs['K']!, dtype).data;
  const V = cast(inputs['V']!, dtype).data;
  const eta = tttStep(params, d);
  const W = allocate(dtype, dv * d);
  const e = allocate(dtype, dv);
  const Y = allocate(dtype, L * dv);
  for (let t = 0; t < L; t++) {
    for (let j = 0; j < dv; j++) {
      let wk = 0;
      for (let i = 0; i < d; i++) wk += W[j * d + i]! * K[t * d + i]!;
      e[j] = wk - V[t * dv + j]!;
    }
    for (let j = 0; j < dv; j++) {
      let y = 0;
      for (let i = 0; i < d; i++) {
        W[j * d + i] = W[j * d + i]! - eta * e[j]! * K[t * d + i]!;
        y += W[j * d + i]! * Q[t * d + i]!;
      }
      Y[t * dv + j] = y;
    }
  }
  return tensor([L, dv], Y);
}

/**
 * Mini-batch GD in the dual form of the TTT paper: for a batch of c tokens at weights W_0,
 * E = K_b W_0ᵀ − V_b (c×dv residuals), A_ru = k_u·q_r for u ≤ r (c×c, causal),
 * y_r = W_0 q_r − η Σ_{u≤r} A_ru e_u, then W ← W_0 − η Eᵀ K_b. No per-token W is ever formed.
 */
export function miniBatch(inputs: Inputs, params: Params, dtype: DType): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const Q = cast(inputs['Q']!, dtype).data;
  const K = cast(inputs['K']!, dtype).data;
  const V = cast(inputs['V']!, dtype).data;
  const eta = tttStep(params, d);
  const b = Math.min(tttBatch(params), L);
  const W = allocate(dtype, dv * d);
  const E = allocate(dtype, b * dv);
  const A = allocate(dtype, b * b);
  const Y = allocate(dtype, L * dv);
  for (let t0 = 0; t0 < L; t0 += b) {
    const c = Math.min(b, L - t0);
    for (let r = 0; r < c; r++) {
      const t = t0 + r;
      for (let j = 0; j < dv; j++) {
        let wk = 0;
        let wq = 0;
        for (let i = 0; i < d; i++) {
          wk += W[j * d + i]! * K[t * d + i]!;
          wq += W[j * d + i]! * Q[t * d + i]!;
        }
        E[r * dv + j] = wk - V[t * dv + j]!;
        Y[t * dv + j] = wq;
      }
      for (let u = 0; u <= r; u++) {
        let kq = 0;
        for (let i = 0; i < d; i++) kq += K[(t0 + u) * d + i]! * Q[t * d + i]!;
        A[r * b + u] = kq;
      }
    }
    for (let r = 0; r < c; r++) {
      for (let j = 0; j < dv; j++) {
        let correction = 0;
        for (let u = 0; u <= r; u++) correction += A[r * b + u]! * E[u * dv + j]!;
        Y[(t0 + r) * dv + j] = Y[(t0 + r) * dv + j]! - eta * correction;
      }
    }
    for (let j = 0; j < dv; j++) {
      for (let i = 0; i < d; i++) {
        let update = 0;
        for (let u = 0; u < c; u++) update += E[u * dv + j]! * K[(t0 + u) * d + i]!;
        W[j * d + i] = W[j * d + i]! - eta * update;
      }
    }
  }
  return tensor([L, dv], Y);
}
