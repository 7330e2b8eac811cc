import type { Mixer } from '../../core/mixer.js';
import { QKV_TENSORS, Y_LDV, qkvDims, randomQKV } from '../common/qkv.js';
import { fusedCost, materializedCost } from './cost.js';
import { fused, materialized } from './forms.js';
import { softmaxAttentionReference, softmaxRow } from './reference.js';

export const softmaxAttention: Mixer = {
  id: 'softmax-attention',
  title: 'Softmax attention',
  section: 1,
  summary: 'Y = softmax(QKᵀ·scale + causal) V; the baseline, quadratic in L.',
  causal: true,
  tensors: QKV_TENSORS,
  output: Y_LDV,
  params: [
    { name: 'scale', description: 'score scale; 0 means 1/√d', type: 'number', default: 0, min: 0 },
  ],
  forms: [
    {
      id: 'materialized',
      title: 'Materialized',
      description: 'Builds the L×L score matrix, softmaxes each row, multiplies by V.',
      scaling: 'quadratic',
      run: materialized,
      cost: materializedCost,
    },
    {
      id: 'fused',
      title: 'Fused (online softmax)',
      description: 'FlashAttention-style tiles with a running max and sum; never holds L×L.',
      scaling: 'quadratic',
      run: (inputs, params, dtype) => fused(inputs, params, dtype),
      cost: fusedCost,
    },
  ],
  dims: qkvDims,
  randomInputs: randomQKV,
  reference: softmaxAttentionReference,
  focusRow: softmaxRow,
};
