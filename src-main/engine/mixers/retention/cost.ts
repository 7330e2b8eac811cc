/**
 * Cost models of retention (MIXERS.md §3). As simplified linear attention plus the decay: one
 * multiply per causal pair (λ^{t−s}), d·dv per token for λS. λ is a constant, so no decay buffer.
 */
import type { Cost, Dims, Params } from '../../core/mixer.js';
import { chunkLengths, chunkSize } from '../common/chunks.js';
import { causalPairs, costFromBuffers } from '../common/cost-model.js';
import { qkvBuffers } from '../common/qkv-buffers.js';

function sizes(dims: Dims): { L: number; d: number; dv: number } {
  return dims as { L: number; d: number; dv: number };
}

export function parallelCost(dims: Dims): Cost {
  const { L, d, dv } = sizes(dims);
  return costFromBuffers({
    flops: causalPairs(L) * (2 * d + 2 * dv + 1),
    movedElements: 2 * L * d + 2 * L * dv + 2 * L * L,
    buffers: [...qkvBuffers(L, d, dv), { name: 'A', elements: L * L }],
    bottleneck: { name: 'L×L decayed scores A', elements: L * L },
  });
}

export function recurrentCost(dims: Dims): Cost {
  const { L, d, dv } = sizes(dims);
  return costFromBuffers({
    flops: 5 * L * d * dv,
    movedElements: 2 * L * d + 2 * L * dv + d * dv,
    buffers: [...qkvBuffers(L, d, dv), { name: 'S', elements: d * dv }],
    bottleneck: { name: 'd×dv state S', elements: d * dv },
  });
}

/** Per chunk: its C×C decayed block, the state read for the output, decayed by λ^C and rewritten. */
export function chunkedCost(dims: Dims, params: Params): Cost {
  const { L, d, dv } = sizes(dims);
  const lengths = chunkLengths(L, chunkSize(params, 'retention'));
  const width = Math.min(chunkSize(params, 'retention'), L);
  const blockFlops = lengths.reduce((n, c) => n + causalPairs(c) * (2 * d + 2 * dv + 1), 0);
  const blockMoves = lengths.reduce((n, c) => n + 2 * c * c, 0);
  return costFromBuffers({
    flops: blockFlops + 4 * L * d * dv + L * dv + lengths.length * d * dv,
    movedElements: 2 * L * d + 2 * L * dv + blockMoves + 2 * lengths.length * d * dv,
    buffers: [...qkvBuffers(L, d, dv), { name: 'A (one chunk)', elements: width * width }, { name: 'S', elements: d * dv }],
    bottleneck: { name: 'd×dv state S', elements: d * dv },
  });
}
