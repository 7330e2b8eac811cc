import type { Dims, Inputs, Mixer } from '../../core/mixer.js';
import { normalArray, uniformArray, type Rng } from '../../core/random.js';
import { tensor } from '../../core/tensor.js';
import { QKV_TENSORS, Y_LDV, qkvDims, randomQKV } from '../common/qkv.js';
import { parallelCost, recurrentCost } from './cost.js';
import { parallel, recurrent } from './forms.js';
import { mlstmReference, mlstmRow } from './reference.js';

/**
 * Q, K, V as for attention; ĩ ~ N(0, 1); f̃ ~ U(2, 5), so forget gates σ(f̃) ≈ 0.88…0.99 as with
 * xLSTM's positive forget-gate bias initialization.
 */
function randomInputs(dims: Dims, rng: Rng): Inputs {
  const L = dims['L']!;
  return {
    ...randomQKV(dims, rng),
    igate: tensor([L], normalArray(rng, L)),
    fgate: tensor([L], uniformArray(rng, L, 2, 5)),
  };
}

export const mlstm: Mixer = {
  id: 'mlstm',
  title: 'mLSTM (xLSTM matrix memory)',
  section: 7,
  summary: 'C_t = f_t C_{t−1} + i_t v_t k_tᵀ, h_t = C_t q_t / max(|n_tᵀq_t|, 1), exponential input gate with max-stabilizer.',
  causal: true,
  tensors: [
    ...QKV_TENSORS,
    { name: 'igate', dims: ['L'], description: 'input-gate pre-activations ĩ (i = exp ĩ)' },
    { name: 'fgate', dims: ['L'], description: 'forget-gate pre-activations f̃ (f = sigmoid f̃)' },
  ],
  output: Y_LDV,
  params: [],
  forms: [
    {
      id: 'parallel',
      title: 'Parallel (log-gate matrix)',
      description: 'Builds the L×L log-gate matrix, stabilizes each row by its max, gates QKᵀ/√d and multiplies by V.',
      scaling: 'quadratic',
      run: parallel,
      cost: parallelCost,
    },
    {
      id: 'recurrent',
      title: 'Recurrent (stabilized)',
      description: 'Carries the d×dv matrix memory C and normalizer n token by token with the max-stabilizer m_t.',
      scaling: 'linear',
      run: recurrent,
      cost: recurrentCost,
    },
  ],
  dims: qkvDims,
  randomInputs,
  reference: mlstmReference,
  focusRow: mlstmRow,
};
