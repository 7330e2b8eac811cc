import type { Dims, Inputs, Mixer, Params, SweepShape } from '../../core/mixer.js';
import { normalArray, uniformArray, type Rng } from '../../core/random.js';
import { tensor } from '../../core/tensor.js';
import { materializedCost, scanCost } from './cost.js';
import { materialized, scan } from './forms.js';
import { writeQuasiseparableRow } from './matrix.js';
import { hydraReference, hydraSizes, skipWeight } from './reference.js';

/** X ~ N(0, 1); a_t = exp(−Δ_t), Δ_t ~ U(0.01, 0.3), as Mamba-2's a = exp(Δ·A); B, C entries N(0, 1/√N). */
function randomInputs(dims: Dims, rng: Rng): Inputs {
  const { L, N, P } = dims as { L: number; N: number; P: number };
  const a = uniformArray(rng, L, 0.01, 0.3).map((delta) => Math.exp(-delta));
  const s = 1 / Math.sqrt(Math.sqrt(N));
  return {
    X: tensor([L, P], normalArray(rng, L * P)),
    a: tensor([L], a),
    B: tensor([L, N], normalArray(rng, L * N, s)),
    C: tensor([L, N], normalArray(rng, L * N, s)),
  };
}

/** Row t of the quasiseparable matrix: the bidirectional effective mixing row over all L tokens. */
function focusRow(inputs: Inputs, params: Params, t: number): Float64Array {
  const sizes = hydraSizes(inputs);
  const row = new Float64Array(sizes.L);
  const arrays = { a: inputs['a']!.data, B: inputs['B']!.data, C: inputs['C']!.data };
  writeQuasiseparableRow(arrays, sizes, skipWeight(params), t, row, 0);
  return row;
}

export const hydra: Mixer = {
  id: 'hydra',
  title: 'Hydra (quasiseparable)',
  section: 12,
  summary: 'Y = shift(SS(X)) + flip(shift(SS(flip X))) + Dskip·X: a forward and a backward SSD scan.',
  causal: false,
  tensors: [
    { name: 'X', dims: ['L', 'P'], description: 'inputs, one row per token (head width P)' },
    { name: 'a', dims: ['L'], description: 'per-step decay in (0, 1)' },
    { name: 'B', dims: ['L', 'N'], description: 'input projections (state width N)' },
    { name: 'C', dims: ['L', 'N'], description: 'output projections' },
  ],
  output: { name: 'Y', dims: ['L', 'P'], description: 'output, one row per token' },
  params: [{ name: 'Dskip', description: 'skip weight D on the diagonal', type: 'number', default: 1 }],
  forms: [
    {
      id: 'materialized',
      title: 'Materialized',
      description: 'Builds the full L×L quasiseparable matrix, then multiplies by X.',
      scaling: 'quadratic',
      run: materialized,
      cost: materializedCost,
    },
    {
      id: 'scan',
      title: 'Two scans',
      description: 'A forward and a backward SSD scan with N×P states, shifted by one token, plus the skip.',
      scaling: 'linear',
      run: scan,
      cost: scanCost,
    },
  ],
  /** N = shape.d, P = shape.dv. */
  dims: (shape: SweepShape): Dims => ({ L: shape.L, N: shape.d, P: shape.dv }),
  randomInputs,
  reference: hydraReference,
  focusRow,
};
