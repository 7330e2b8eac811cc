/** Linear attention (MIXERS.md §2): φ = elu + 1 on q and k, with the denominator. */
import { familyForms } from './masked-linear.js';
import type { GpujsMixerKernels } from './plan.js';

export const linearAttentionKernels: GpujsMixerKernels = familyForms({ phi: true, normalized: true, lambda: () => 1 });
