import type { Mixer } from '../../core/mixer.js';
import { QKV_TENSORS, Y_LDV, qkvDims, randomQKV } from '../common/qkv.js';
import { miniBatchCost, recurrentCost } from './cost.js';
import { miniBatch, recurrent } from './forms.js';
import { tttMiniBatchReference, tttReference } from './reference.js';

/**
 * With randomQKV's keys (entries of variance 1/√d), η‖k‖² ≈ η√d = 1/√d at the default η = 1/d,
 * so each step contracts W along k: the recurrence is stable at every L.
 */
export const tttLinear: Mixer = {
  id: 'ttt-linear',
  title: 'TTT-linear',
  section: 8,
  summary: 'Fast weights W learned at test time: W_t = W_{t−1} − η (W_{t−1}k_t − v_t) k_tᵀ, Y_t = W_t q_t.',
  causal: true,
  tensors: QKV_TENSORS,
  output: Y_LDV,
  params: [
    { name: 'eta', description: 'inner learning rate η; 0 means 1/d', type: 'number', default: 0, min: 0 },
    { name: 'batch', description: 'tokens per mini-batch (mini-batch form)', type: 'integer', default: 16, min: 1 },
  ],
  forms: [
    {
      id: 'recurrent',
      title: 'Recurrent',
      description: 'One gradient step per token on the d×dv fast weights W.',
      scaling: 'linear',
      run: recurrent,
      cost: recurrentCost,
    },
    {
      id: 'mini-batch',
      title: 'Mini-batch (dual form)',
      description: 'All tokens of a batch take their gradient at the batch-start W; computed in the dual form, checked against its own reference.',
      scaling: 'linear',
      run: miniBatch,
      cost: miniBatchCost,
      reference: tttMiniBatchReference,
    },
  ],
  dims: qkvDims,
  randomInputs: randomQKV,
  reference: tttReference,
};
