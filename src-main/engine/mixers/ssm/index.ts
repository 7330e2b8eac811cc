import type { Mixer } from '../../core/mixer.js';
import { normalArray } from '../../core/random.js';
import { tensor } from '../../core/tensor.js';
import { randomGates } from '../common/gates.js';
import { materializedCost, scanCost } from './cost.js';
import { scan } from './forms.js';
import { materialized } from './materialized.js';
import { ssmReference } from './reference.js';

export const ssm: Mixer = {
  id: 'ssm',
  title: 'State space model (diagonal)',
  section: 5,
  summary: 'h_t = Abar_t ⊙ h_{t−1} + B_t x_t, u_t = C_t·h_t per channel: an r-semiseparable matrix.',
  causal: true,
  tensors: [
    { name: 'X', dims: ['L', 'D'], description: 'inputs, D channels per token' },
    { name: 'Abar', dims: ['L', 'D', 'r'], description: 'discretized diagonal transition in (0, 1)' },
    { name: 'B', dims: ['L', 'r'], description: 'input matrix, shared by the channels' },
    { name: 'C', dims: ['L', 'r'], description: 'output matrix, shared by the channels' },
  ],
  output: { name: 'Y', dims: ['L', 'D'], description: 'output, D channels per token' },
  params: [],
  forms: [
    {
      id: 'materialized',
      title: 'Materialized',
      description: 'Builds each channel’s L×L semiseparable matrix M, then multiplies it into x.',
      scaling: 'quadratic',
      run: materialized,
      cost: materializedCost,
    },
    {
      id: 'scan',
      title: 'Scan',
      description: 'The recurrence over t with an r-wide state per channel.',
      scaling: 'linear',
      run: scan,
      cost: scanCost,
    },
  ],
  dims: (shape) => ({ L: shape.L, D: shape.d, r: shape.state }),
  /** B and C with entries N(0, 1/√r) keep C_t·B_s of order one; Abar in [0.85, 0.999]. */
  randomInputs: (dims, rng) => {
    const { L, D, r } = dims as { L: number; D: number; r: number };
    const s = 1 / Math.sqrt(Math.sqrt(r));
    return {
      X: tensor([L, D], normalArray(rng, L * D)),
      Abar: tensor([L, D, r], randomGates(rng, L * D * r, 0.85, 0.999)),
      B: tensor([L, r], normalArray(rng, L * r, s)),
      C: tensor([L, r], normalArray(rng, L * r, s)),
    };
  },
  reference: ssmReference,
};
