import type { Mixer } from '../../core/mixer.js';
import { CHUNK_PARAM } from '../common/chunks.js';
import { LAMBDA_PARAM } from '../common/gates.js';
import { QKV_TENSORS, Y_LDV, qkvDims, randomQKV } from '../common/qkv.js';
import { chunkedCost, parallelCost, recurrentCost } from './cost.js';
import { chunked, parallel, recurrent } from './forms.js';
import { retentionReference, retentionRow } from './reference.js';

export const retention: Mixer = {
  id: 'retention',
  title: 'Retention (decayed linear attention)',
  section: 3,
  summary: 'S_t = λ S_{t−1} + k_t v_tᵀ, y_t = S_tᵀ q_t; parallel mask M_ts = λ^(t−s).',
  causal: true,
  tensors: QKV_TENSORS,
  output: Y_LDV,
  params: [LAMBDA_PARAM, CHUNK_PARAM],
  forms: [
    {
      id: 'parallel',
      title: 'Parallel (decay-masked quadratic)',
      description: 'Builds the L×L matrix (QKᵀ) ⊙ D with D_ts = λ^(t−s), then multiplies by V.',
      scaling: 'quadratic',
      run: parallel,
      cost: parallelCost,
    },
    {
      id: 'recurrent',
      title: 'Recurrent',
      description: 'S_t = λ S_{t−1} + k_t v_tᵀ token by token with a d×dv state.',
      scaling: 'linear',
      run: recurrent,
      cost: recurrentCost,
    },
    {
      id: 'chunked',
      title: 'Chunked',
      description: 'Powers of λ inside chunks of C tokens; the state decays by λ^C across chunks.',
      scaling: 'linear',
      run: chunked,
      cost: chunkedCost,
    },
  ],
  dims: qkvDims,
  randomInputs: randomQKV,
  reference: retentionReference,
  focusRow: retentionRow,
};
