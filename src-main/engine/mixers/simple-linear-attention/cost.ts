/**
 * Cost models of simplified linear attention (MIXERS.md §2). Per causal pair: 2·d FLOPs for q·k and
 * 2·dv for the weighted sum of v. Per token of a recurrence: 2·d·dv for S += k vᵀ and 2·d·dv for Sᵀq.
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
    flops: causalPairs(L) * (2 * d + 2 * dv),
    movedElements: 2 * L * d + 2 * L * dv + 2 * L * L,
    buffers: [...qkvBuffers(L, d, dv), { name: 'A', elements: L * L }],
    bottleneck: { name: 'L×L masked scores A', elements: L * L },
  });
}

export function recurrentCost(dims: Dims): Cost {
  const { L, d, dv } = sizes(dims);
  return costFromBuffers({
    flops: 4 * L * d * dv,
    movedElements: 2 * L * d + 2 * L * dv + d * dv,
    buffers: [...qkvBuffers(L, d, dv), { name: 'S', elements: d * dv }],
    bottleneck: { name: 'd×dv state S', elements: d * dv },
  });
}

/** Each chunk: its C×C block (written, then read), the state read for the output and rewritten. */
export function chunkedCost(dims: Dims, params: Params): Cost {
  const { L, d, dv } = sizes(dims);
  const C = chunkSize(params, 'simple-linear-attention');
  const lengths = chunkLengths(L, C);
  const width = Math.min(C, L);
  const blockFlops = lengths.reduce((n, c) => n + causalPairs(c) * (2 * d + 2 * dv), 0);
  const blockMoves = lengths.reduce((n, c) => n + 2 * c * c, 0);
  return costFromBuffers({
    flops: blockFlops + 4 * L * d * dv,
    movedElements: 2 * L * d + 2 * L * dv + blockMoves + 2 * lengths.length * d * dv,
    buffers: [...qkvBuffers(L, d, dv), { name: 'A (one chunk)', elements: width * width }, { name: 'S', elements: d * dv }],
    bottleneck: { name: 'd×dv state S', elements: d * dv },
  });
}
