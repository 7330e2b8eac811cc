/** Retention (MIXERS.md §3): S_t = λ S_{t−1} + k_t v_tᵀ, y_t = q_tᵀ S_t, i.e. M_ts = λ^{t−s}. */
import { familyForms } from './masked-linear.js';
import type { GpujsMixerKernels } from './plan.js';

export const retentionKernels: GpujsMixerKernels = familyForms({
  phi: false,
  normalized: false,
  lambda: (params) => Number(params['lambda'] ?? 0.97),
});
