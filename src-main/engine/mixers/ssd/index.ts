import type { Mixer } from '../../core/mixer.js';
import { normalArray } from '../../core/random.js';
import { tensor } from '../../core/tensor.js';
import { CHUNK_PARAM } from '../common/chunks.js';
import { randomGates } from '../common/gates.js';
import { chunked } from './chunked.js';
import { chunkedCost, quadraticCost, scanCost } from './cost.js';
import { quadratic, scan } from './forms.js';
import { ssdReference, ssdRow } from './reference.js';

export const ssd: Mixer = {
  id: 'ssd',
  title: 'Mamba-2 SSD',
  section: 6,
  summary: 'Y = (G ⊙ CBᵀ) X with G_ts = a_{s+1}·…·a_t: a scalar-decay SSM with an N×P state.',
  causal: true,
  tensors: [
    { name: 'X', dims: ['L', 'P'], description: 'inputs, one row per token (head width P)' },
    { name: 'a', dims: ['L'], description: 'decay a_t = exp(Δ_t·A) in (0, 1)' },
    { name: 'B', dims: ['L', 'N'], description: 'input projections (state width N), the keys' },
    { name: 'C', dims: ['L', 'N'], description: 'output projections, the queries' },
  ],
  output: { name: 'Y', dims: ['L', 'P'], description: 'output, one row per token' },
  params: [CHUNK_PARAM],
  forms: [
    {
      id: 'quadratic',
      title: 'Quadratic (attention form)',
      description: 'Builds the L×L matrix G ⊙ (C Bᵀ), then multiplies by X.',
      scaling: 'quadratic',
      run: quadratic,
      cost: quadraticCost,
    },
    {
      id: 'scan',
      title: 'Scan (recurrent form)',
      description: 'h_t = a_t h_{t−1} + B_t X_tᵀ, Y_t = h_tᵀ C_t, token by token with an N×P state.',
      scaling: 'linear',
      run: scan,
      cost: scanCost,
    },
    {
      id: 'chunked',
      title: 'Chunked (SSD algorithm)',
      description: 'Diagonal blocks, chunk states, a scan across chunks, state to output (minimal SSD).',
      scaling: 'linear',
      run: chunked,
      cost: chunkedCost,
    },
  ],
  dims: (shape) => ({ L: shape.L, N: shape.d, P: shape.dv }),
  /** B and C with entries N(0, 1/√N) keep C_t·B_s of order one; gates a in [0.85, 0.999]. */
  randomInputs: (dims, rng) => {
    const { L, N, P } = dims as { L: number; N: number; P: number };
    const s = 1 / Math.sqrt(Math.sqrt(N));
    return {
      X: tensor([L, P], normalArray(rng, L * P)),
      a: tensor([L], randomGates(rng, L, 0.85, 0.999)),
      B: tensor([L, N], normalArray(rng, L * N, s)),
      C: tensor([L, N], normalArray(rng, L * N, s)),
    };
  },
  reference: ssdReference,
  focusRow: ssdRow,
};
