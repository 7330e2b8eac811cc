/** Pieces shared by the Q/K/V mixers: tensor specs, dims and random inputs. */
import type { Dims, Inputs, SweepShape, TensorSpec } from '../../core/mixer.js';
import { normalArray, type Rng } from '../../core/random.js';
import { tensor } from '../../core/tensor.js';

export const QKV_TENSORS: readonly TensorSpec[] = [
  { name: 'Q', dims: ['L', 'd'], description: 'queries, one row per token' },
  { name: 'K', dims: ['L', 'd'], description: 'keys' },
  { name: 'V', dims: ['L', 'dv'], description: 'values' },
];

export const Y_LDV: TensorSpec = { name: 'Y', dims: ['L', 'dv'], description: 'output, one row per token' };

export function qkvDims(shape: SweepShape): Dims {
  return { L: shape.L, d: shape.d, dv: shape.dv };
}

/** Entries N(0, 1/d) for Q and K keep q·k of order one, as in a trained model with scaled keys. */
export function randomQKV(dims: Dims, rng: Rng): Inputs {
  const { L, d, dv } = dims as { L: number; d: number; dv: number };
  const s = 1 / Math.sqrt(Math.sqrt(d));
  return {
    Q: tensor([L, d], normalArray(rng, L * d, s)),
    K: tensor([L, d], normalArray(rng, L * d, s)),
    V: tensor([L, dv], normalArray(rng, L * dv)),
  };
}

export function qkvSizes(inputs: Inputs): { L: number; d: number; dv: number } {
  const [L, d] = inputs['Q']!.shape as [number, number];
  return { L, d, dv: inputs['V']!.shape[1]! };
}
