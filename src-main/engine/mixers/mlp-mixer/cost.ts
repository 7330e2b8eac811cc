/**
 * Cost model of MLP-Mixer token mixing (MIXERS.md §11): W1·X 2·h·L·d, W2·H 2·L·h·d, and GELU_FLOPS
 * per hidden element (an erf polynomial as GPU kernels evaluate it).
 */
import type { Cost, Dims } from '../../core/mixer.js';
import { costFromBuffers } from '../common/cost-model.js';

const GELU_FLOPS = 20;

export function denseCost(dims: Dims): Cost {
  const { L, d, h } = dims as { L: number; d: number; h: number };
  return costFromBuffers({
    flops: 4 * h * L * d + GELU_FLOPS * h * d,
    movedElements: 2 * L * d + 2 * h * L + 2 * h * d,
    buffers: [
      { name: 'X', elements: L * d },
      { name: 'W1', elements: h * L },
      { name: 'W2', elements: L * h },
      { name: 'Y', elements: L * d },
      { name: 'H', elements: h * d },
    ],
    bottleneck: { name: 'h×d hidden activations', elements: h * d },
  });
}
