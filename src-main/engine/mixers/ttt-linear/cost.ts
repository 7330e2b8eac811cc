/**
 * Cost models of TTT-linear (MIXERS.md §8). Recurrent, per token: W k 2·d·dv, residual dv,
 * update 2·d·dv + dv (η·e), W q 2·d·dv. Mini-batch (dual form), per batch of c tokens: W_0 K_bᵀ and
 * W_0 Q_bᵀ 4·c·d·dv, residual c·dv, causal K_b Q_bᵀ c(c+1)/2·2d, A·E c(c+1)/2·2dv + 2·c·dv,
 * W update 2·c·d·dv + 2·d·dv.
 */
import type { Cost, Dims, Params } from '../../core/mixer.js';
import { causalPairs, costFromBuffers } from '../common/cost-model.js';
import { qkvBuffers } from '../common/qkv-buffers.js';

const BOTTLENECK_NAME = 'd×dv fast weights W';

export function recurrentCost(dims: Dims): Cost {
  const { L, d, dv } = dims as { L: number; d: number; dv: number };
  return costFromBuffers({
    flops: L * (6 * d * dv + 2 * dv),
    movedElements: 2 * L * d + 2 * L * dv + d * dv,
    buffers: [...qkvBuffers(L, d, dv), { name: 'W', elements: d * dv }, { name: 'e', elements: dv }],
    bottleneck: { name: BOTTLENECK_NAME, elements: d * dv },
  });
}

function batchFlops(c: number, d: number, dv: number): number {
  return 6 * c * d * dv + 3 * c * dv + causalPairs(c) * (2 * d + 2 * dv) + 2 * d * dv;
}

export function miniBatchCost(dims: Dims, params: Params): Cost {
  const { L, d, dv } = dims as { L: number; d: number; dv: number };
  const b = Math.min(Number(params['batch']), L);
  const full = Math.floor(L / b);
  const rest = L - full * b;
  return costFromBuffers({
    flops: full * batchFlops(b, d, dv) + (rest > 0 ? batchFlops(rest, d, dv) : 0),
    movedElements: 2 * L * d + 2 * L * dv + d * dv,
    buffers: [
      ...qkvBuffers(L, d, dv),
      { name: 'W', elements: d * dv },
      { name: 'E', elements: b * dv },
      { name: 'A', elements: b * b },
    ],
    bottleneck: { name: BOTTLENECK_NAME, elements: d * dv },
  });
}
