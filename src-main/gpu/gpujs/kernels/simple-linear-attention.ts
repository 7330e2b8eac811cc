/** Simplified linear attention (MIXERS.md §2): no φ, no denominator, y_t = q_tᵀ S_t. */
import { familyForms } from './masked-linear.js';
import type { GpujsMixerKernels } from './plan.js';

export const simpleLinearAttentionKernels: GpujsMixerKernels = familyForms({ phi: false, normalized: false, lambda: () => 1 });
