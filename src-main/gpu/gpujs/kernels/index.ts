/**
 * The gpu.js kernels of every mixer form, by mixer id then form id. A form missing here has no
 * gpu.js kernel yet; the coverage test lists those gaps explicitly.
 */
import { fnetDft } from './fnet-dft.js';
import { fnetFft } from './fnet-fft.js';
import { gauKernels } from './gau.js';
import { hydraKernels } from './hydra.js';
import { linearAttentionKernels } from './linear-attention.js';
import { maskedAttentionKernels } from './masked-attention.js';
import { mlpMixerKernels } from './mlp-mixer.js';
import { mlstmKernels } from './mlstm.js';
import type { GpujsForm, GpujsMixerKernels } from './plan.js';
import { retentionKernels } from './retention.js';
import { simpleLinearAttentionKernels } from './simple-linear-attention.js';
import { softmaxAttentionKernels } from './softmax-attention.js';
import { ssdKernels } from './ssd.js';
import { ssmKernels } from './ssm.js';
import { tttLinearKernels } from './ttt-linear.js';

export const GPUJS_KERNELS: Readonly<Record<string, GpujsMixerKernels>> = {
  'softmax-attention': softmaxAttentionKernels,
  'linear-attention': linearAttentionKernels,
  'simple-linear-attention': simpleLinearAttentionKernels,
  retention: retentionKernels,
  'masked-attention': maskedAttentionKernels,
  gau: gauKernels,
  ssm: ssmKernels,
  ssd: ssdKernels,
  mlstm: mlstmKernels,
  'ttt-linear': tttLinearKernels,
  hydra: hydraKernels,
  fnet: { fft: fnetFft, dft: fnetDft },
  'mlp-mixer': mlpMixerKernels,
};

export function gpujsForm(mixerId: string, formId: string): GpujsForm | undefined {
  return GPUJS_KERNELS[mixerId]?.[formId];
}

export type { GpujsForm, GpujsPlan, Float32Inputs } from './plan.js';
