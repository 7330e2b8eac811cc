/** Every mixer's WGSL plans, by mixer id. A mixer absent here (or a form absent from its plan) has no kernel yet. */
import type { FormPlan, MixerPlan } from '../plan.js';
import { gauPlan } from './gau.js';
import { linearAttentionPlan } from './linear-attention.js';
import { maskedAttentionPlan } from './masked-attention.js';
import { retentionPlan } from './retention.js';
import { simpleLinearAttentionPlan } from './simple-linear-attention.js';
import { softmaxAttentionPlan } from './softmax-attention.js';
import { ssdPlan } from './ssd.js';
import { hydraPlan } from './hydra.js';
import { mlstmPlan } from './mlstm.js';
import { tttLinearPlan } from './ttt-linear.js';
import { mlpMixerPlan } from './mlp-mixer.js';
import { fnetPlan } from './fnet.js';
import { ssmPlan } from './ssm.js';

export const WGSL_PLANS: Readonly<Record<string, MixerPlan>> = {
  'softmax-attention': softmaxAttentionPlan,
  ssm: ssmPlan,
  ssd: ssdPlan,
  hydra: hydraPlan,
  mlstm: mlstmPlan,
  'ttt-linear': tttLinearPlan,
  'mlp-mixer': mlpMixerPlan,
  fnet: fnetPlan,
  'linear-attention': linearAttentionPlan,
  'simple-linear-attention': simpleLinearAttentionPlan,
  retention: retentionPlan,
  'masked-attention': maskedAttentionPlan,
  gau: gauPlan,
};

export function findPlan(mixerId: string, formId: string): FormPlan | undefined {
  return WGSL_PLANS[mixerId]?.[formId];
}
