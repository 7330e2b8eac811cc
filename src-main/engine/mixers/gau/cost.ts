/**
 * Cost model of GAU (MIXERS.md §9): per causal pair, 2d for q·k, 4 for scale, bias, relu and
 * square-and-divide, 2·dv for A·V (dense count: a kernel does not know which entries relu zeroed).
 */
import type { Cost, Dims } from '../../core/mixer.js';
import { causalPairs, costFromBuffers } from '../common/cost-model.js';
import { qkvBuffers } from '../common/qkv-buffers.js';

export function materializedCost(dims: Dims): Cost {
  const { L, d, dv } = dims as { L: number; d: number; dv: number };
  return costFromBuffers({
    flops: causalPairs(L) * (2 * d + 2 * dv + 4),
    movedElements: 2 * L * d + 2 * L * dv + 2 * L * L,
    buffers: [...qkvBuffers(L, d, dv), { name: 'A', elements: L * L }],
    bottleneck: { name: 'L×L relu² scores', elements: L * L },
  });
}
