import type { Mixer } from '../../core/mixer.js';
import { CHUNK_PARAM } from '../common/chunks.js';
import { QKV_TENSORS, Y_LDV, qkvDims, randomQKV } from '../common/qkv.js';
import { chunkedCost, parallelCost, recurrentCost } from './cost.js';
import { chunked, parallel, recurrent } from './forms.js';
import { simpleLinearAttentionReference, simpleLinearRow } from './reference.js';

export const simpleLinearAttention: Mixer = {
  id: 'simple-linear-attention',
  title: 'Simplified linear attention',
  section: 2,
  summary: 'Y = ((QKᵀ) ⊙ causal) V: no feature map, no denominator; a d×dv state.',
  causal: true,
  tensors: QKV_TENSORS,
  output: Y_LDV,
  params: [CHUNK_PARAM],
  forms: [
    {
      id: 'parallel',
      title: 'Parallel (masked quadratic)',
      description: 'Builds the L×L causal score matrix QKᵀ ⊙ M, then multiplies by V.',
      scaling: 'quadratic',
      run: parallel,
      cost: parallelCost,
    },
    {
      id: 'recurrent',
      title: 'Recurrent',
      description: 'S_t = S_{t−1} + k_t v_tᵀ, y_t = S_tᵀ q_t, token by token with a d×dv state.',
      scaling: 'linear',
      run: recurrent,
      cost: recurrentCost,
    },
    {
      id: 'chunked',
      title: 'Chunked',
      description: 'Quadratic inside chunks of C tokens; the d×dv state carries the past across chunks.',
      scaling: 'linear',
      run: chunked,
      cost: chunkedCost,
    },
  ],
  dims: qkvDims,
  randomInputs: randomQKV,
  reference: simpleLinearAttentionReference,
  focusRow: simpleLinearRow,
};
