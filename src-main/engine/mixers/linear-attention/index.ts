import type { Mixer } from '../../core/mixer.js';
import { CHUNK_PARAM } from '../common/chunks.js';
import { QKV_TENSORS, Y_LDV, qkvDims, randomQKV } from '../common/qkv.js';
import { chunkedCost, parallelCost, recurrentCost } from './cost.js';
import { chunked, parallel, recurrent } from './forms.js';
import { linearAttentionReference, linearAttentionRow } from './reference.js';

export const linearAttention: Mixer = {
  id: 'linear-attention',
  title: 'Linear attention',
  section: 2,
  summary: 'y_t = S_tᵀφ(q_t) / (φ(q_t)·z_t) with φ = elu + 1: a d×dv state replaces the L×L scores.',
  causal: true,
  tensors: QKV_TENSORS,
  output: Y_LDV,
  params: [CHUNK_PARAM],
  forms: [
    {
      id: 'parallel',
      title: 'Parallel (masked quadratic)',
      description: 'A = (φ(Q)φ(K)ᵀ) ⊙ causal, L×L; Y = (A V) / (A 1).',
      scaling: 'quadratic',
      run: parallel,
      cost: parallelCost,
    },
    {
      id: 'recurrent',
      title: 'Recurrent',
      description: 'S_t = S_{t−1} + φ(k_t) v_tᵀ and z_t = z_{t−1} + φ(k_t), token by token.',
      scaling: 'linear',
      run: recurrent,
      cost: recurrentCost,
    },
    {
      id: 'chunked',
      title: 'Chunked',
      description: 'Quadratic inside chunks of C tokens; S and z carry the past across chunks.',
      scaling: 'linear',
      run: chunked,
      cost: chunkedCost,
    },
  ],
  dims: qkvDims,
  randomInputs: randomQKV,
  reference: linearAttentionReference,
  focusRow: linearAttentionRow,
};
