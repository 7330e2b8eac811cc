/** WGSL plan of GAU (MIXERS.md §9): A_ts = relu(q_t·k_s/√d + β)² / L for s ≤ t, Y = A V. */
import { gauBias } from '../../../engine/mixers/gau/reference.js';
import type { MixerPlan } from '../plan.js';
import { applyValues, attentionUniforms, maskedScores } from './attention-family.js';

const uniforms = attentionUniforms({
  scale: (dims) => 1 / Math.sqrt(dims['d']!),
  bias: (params) => gauBias(params),
  post: (dims) => 1 / dims['L']!,
});

export const gauPlan: MixerPlan = {
  materialized: { uniforms, passes: [maskedScores('Q', 'K', 'A', 'relu2'), applyValues('A', false)] },
};
