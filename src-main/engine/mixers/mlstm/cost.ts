/**
 * Cost models of mLSTM (MIXERS.md §7). Recurrent, per token: n update 3d, C update 3·d·dv,
 * C̃q 2·d·dv, ñᵀq 2d, division dv, ~10 for the gates and stabilizer. Parallel, per causal pair:
 * log-gate sum and max 2, score 2d + 3 (dot, exp, product), row sum 1, C̃V 2·dv.
 */
import type { Cost, Dims } from '../../core/mixer.js';
import { causalPairs, costFromBuffers } from '../common/cost-model.js';
import { qkvBuffers } from '../common/qkv-buffers.js';

const GATE_FLOPS = 10;

function ioBuffers(L: number, d: number, dv: number) {
  return [...qkvBuffers(L, d, dv), { name: 'igate', elements: L }, { name: 'fgate', elements: L }];
}

export function recurrentCost(dims: Dims): Cost {
  const { L, d, dv } = dims as { L: number; d: number; dv: number };
  return costFromBuffers({
    flops: L * (5 * d * dv + 5 * d + dv + GATE_FLOPS),
    movedElements: 2 * L * d + 2 * L * dv + 2 * L + d * dv + d,
    buffers: [...ioBuffers(L, d, dv), { name: 'C', elements: d * dv }, { name: 'n', elements: d }],
    bottleneck: { name: 'd×dv matrix memory C', elements: d * dv },
  });
}

export function parallelCost(dims: Dims): Cost {
  const { L, d, dv } = dims as { L: number; d: number; dv: number };
  return costFromBuffers({
    flops: causalPairs(L) * (2 * d + 2 * dv + 6) + L * (dv + GATE_FLOPS),
    movedElements: 2 * L * d + 2 * L * dv + 2 * L + 2 * L * L,
    buffers: [
      ...ioBuffers(L, d, dv),
      { name: 'log f', elements: L },
      { name: 'S', elements: L * L },
      { name: 'row max m', elements: L },
    ],
    bottleneck: { name: 'L×L gated scores', elements: L * L },
  });
}
