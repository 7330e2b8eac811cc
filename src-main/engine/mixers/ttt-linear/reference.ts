/**
 * Float64 references for TTT-linear (MIXERS.md §8). The fast weights W (dv×d, W_0 = 0) take one
 * gradient step of ℓ(W) = ½‖W k_t − v_t‖² per token: W_t = W_{t−1} − η (W_{t−1}k_t − v_t) k_tᵀ,
 * and Y_t = W_t q_t. Mini-batch (TTT paper, mini-batch GD): within a batch starting after token t',
 * W_t = W_{t'} − η Σ_{s=t'+1..t} (W_{t'}k_s − v_s) k_sᵀ, every gradient taken at W_{t'}.
 */
import type { Inputs, Params } from '../../core/mixer.js';
import { tensor, type Tensor } from '../../core/tensor.js';
import { qkvSizes } from '../common/qkv.js';

/** η; the parameter 0 means 1/d. */
export function tttStep(params: Params, d: number): number {
  const eta = Number(params['eta']);
  return eta > 0 ? eta : 1 / d;
}

export function tttBatch(params: Params): number {
  return Number(params['batch']);
}

/**
 * W ← W − η (W_grad k − v) kᵀ for one token, the gradient taken at `gradAt` (W itself for the
 * recurrence, the batch-start weights for mini-batch GD).
 */
function gradientStep(W: Float64Array, gradAt: Float64Array, inputs: Inputs, t: number, eta: number): void {
  const { d, dv } = qkvSizes(inputs);
  const K = inputs['K']!.data;
  const V = inputs['V']!.data;
  const residual = new Float64Array(dv);
  for (let j = 0; j < dv; j++) {
    let wk = 0;
    for (let i = 0; i < d; i++) wk += gradAt[j * d + i]! * K[t * d + i]!;
    residual[j] = wk - V[t * dv + j]!;
  }
  for (let j = 0; j < dv; j++) {
    for (let i = 0; i < d; i++) W[j * d + i] = W[j * d + i]! - eta * residual[j]! * K[t * d + i]!;
  }
}

function readOut(W: Float64Array, inputs: Inputs, t: number, Y: Float64Array): void {
  const { d, dv } = qkvSizes(inputs);
  const Q = inputs['Q']!.data;
  for (let j = 0; j < dv; j++) {
    let y = 0;
    for (let i = 0; i < d; i++) y += W[j * d + i]! * Q[t * d + i]!;
    Y[t * dv + j] = y;
  }
}

export function tttReference(inputs: Inputs, params: Params): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const eta = tttStep(params, d);
  const W = new Float64Array(dv * d);
  const Y = new Float64Array(L * dv);
  for (let t = 0; t < L; t++) {
    gradientStep(W, W, inputs, t, eta);
    readOut(W, inputs, t, Y);
  }
  return tensor([L, dv], Y);
}

export function tttMiniBatchReference(inputs: Inputs, params: Params): Tensor {
  const { L, d, dv } = qkvSizes(inputs);
  const eta = tttStep(params, d);
  const b = tttBatch(params);
  const W = new Float64Array(dv * d);
  const Y = new Float64Array(L * dv);
  for (let t0 = 0; t0 < L; t0 += b) {
    const batchStart = W.slice();
    for (let t = t0; t < Math.min(L, t0 + b); t++) {
      gradientStep(W, batchStart, inputs, t, eta);
      readOut(W, inputs, t, Y);
    }
  }
  return tensor([L, dv], Y);
}
