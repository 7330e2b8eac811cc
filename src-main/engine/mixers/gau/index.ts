import type { Mixer } from '../../core/mixer.js';
import { QKV_TENSORS, Y_LDV, qkvDims, randomQKV } from '../common/qkv.js';
import { materializedCost } from './cost.js';
import { materialized } from './forms.js';
import { gauReference, gauRow } from './reference.js';

export const gau: Mixer = {
  id: 'gau',
  title: 'GAU relu² attention',
  section: 9,
  summary: 'A = relu(QKᵀ/√d + β)² / L, causal; Y = A V. No softmax, no normalization by the row.',
  causal: true,
  tensors: QKV_TENSORS,
  output: Y_LDV,
  params: [{ name: 'beta', description: 'score bias β (usually ≤ 0)', type: 'number', default: 0 }],
  forms: [
    {
      id: 'materialized',
      title: 'Materialized',
      description: 'Builds the L×L relu² score matrix, then multiplies by V.',
      scaling: 'quadratic',
      run: materialized,
      cost: materializedCost,
    },
  ],
  dims: qkvDims,
  randomInputs: randomQKV,
  reference: gauReference,
  focusRow: gauRow,
};
