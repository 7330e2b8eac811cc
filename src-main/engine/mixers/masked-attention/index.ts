import type { Mixer } from '../../core/mixer.js';
import { LAMBDA_PARAM, randomGates } from '../common/gates.js';
import { QKV_TENSORS, Y_LDV, qkvDims, randomQKV } from '../common/qkv.js';
import { tensor } from '../../core/tensor.js';
import { fourStepCost, quadraticCost } from './cost.js';
import { fourStep, quadratic } from './forms.js';
import { MASK_PARAM } from './mask.js';
import { maskedAttentionReference, maskedAttentionRow } from './reference.js';

export const maskedAttention: Mixer = {
  id: 'masked-attention',
  title: 'Structured-mask attention',
  section: 4,
  summary: 'Y = ((QKᵀ) ⊙ M) V for a causal, decay or selective mask; four-step avoids L×L.',
  causal: true,
  // `a` is declared for every mask so that inputs have one fixed layout; only mask = selective reads it.
  tensors: [
    ...QKV_TENSORS,
    { name: 'a', dims: ['L'], description: 'selective gates in (0, 1); read only when mask = selective', neededWhen: { param: 'mask', equals: 'selective' } },
  ],
  output: Y_LDV,
  params: [MASK_PARAM, LAMBDA_PARAM],
  forms: [
    {
      id: 'quadratic',
      title: 'Quadratic',
      description: 'Materializes the L×L mask M and scores QKᵀ, multiplies them, then by V.',
      scaling: 'quadratic',
      run: quadratic,
      cost: quadraticCost,
    },
    {
      id: 'four-step',
      title: 'Four-step',
      description: 'Z = K ⊗ V per token, H = M ·_t Z by the mask’s O(L) matvec, Y = Σ_i Q·H.',
      scaling: 'linear',
      run: fourStep,
      cost: fourStepCost,
    },
  ],
  dims: qkvDims,
  randomInputs: (dims, rng) => ({
    ...randomQKV(dims, rng),
    a: tensor([dims['L']!], randomGates(rng, dims['L']!, 0.8, 0.999)),
  }),
  reference: maskedAttentionReference,
  focusRow: maskedAttentionRow,
};
