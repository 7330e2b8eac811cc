/** WGSL plans of retention (MIXERS.md §3): the retention family with λ from the parameters. */
import { chunkSize } from '../../../engine/mixers/common/chunks.js';
import { decayLambda } from '../../../engine/mixers/common/gates.js';
import type { MixerPlan } from '../plan.js';
import { retentionFamilyPlan } from './retention-family.js';

export const retentionPlan: MixerPlan = retentionFamilyPlan(
  (params) => chunkSize(params, 'retention'),
  (params) => decayLambda(params, 'retention'),
);
