/** WGSL plans of simplified linear attention (MIXERS.md §2): the retention family without decay. */
import { chunkSize } from '../../../engine/mixers/common/chunks.js';
import type { MixerPlan } from '../plan.js';
import { retentionFamilyPlan } from './retention-family.js';

export const simpleLinearAttentionPlan: MixerPlan = retentionFamilyPlan((params) => chunkSize(params, 'simple-linear-attention'));
