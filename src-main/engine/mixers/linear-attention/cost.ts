/**
 * Cost models of linear attention (MIXERS.md §2). φ = elu + 1 costs one operation per element of Q
 * and K; per causal pair 2·d for φq·φk, 2·dv for the weighted v and 1 for the denominator's sum;
 * per output element one division. The recurrent form keeps φ(q_t), φ(k_t) in registers.
 */
import type { Cost, Dims, Params } from '../../core/mixer.js';
import { chunkLengths, chunkSize } from '../common/chunks.js';
import { causalPairs, costFromBuffers } from '../common/cost-model.js';
import { qkvBuffers } from '../common/qkv-buffers.js';

function sizes(dims: Dims): { L: number; d: number; dv: number } {
  return dims as { L: number; d: number; dv: number };
}

const featureBuffers = (L: number, d: number) => [
  { name: 'φQ', elements: L * d },
  { name: 'φK', elements: L * d },
];

export function parallelCost(dims: Dims): Cost {
  const { L, d, dv } = sizes(dims);
  return costFromBuffers({
    flops: 2 * L * d + causalPairs(L) * (2 * d + 2 * dv + 1) + L * dv,
    movedElements: 2 * L * d + 2 * L * dv + 4 * L * d + 2 * L * L,
    buffers: [...qkvBuffers(L, d, dv), ...featureBuffers(L, d), { name: 'A', elements: L * L }],
    bottleneck: { name: 'L×L masked scores A', elements: L * L },
  });
}

export function recurrentCost(dims: Dims): Cost {
  const { L, d, dv } = sizes(dims);
  return costFromBuffers({
    flops: L * (2 * d + d + 2 * d * dv + 2 * d + 2 * d * dv + dv),
    movedElements: 2 * L * d + 2 * L * dv + d * dv + d,
    buffers: [...qkvBuffers(L, d, dv), { name: 'S', elements: d * dv }, { name: 'z', elements: d }],
    bottleneck: { name: 'd×dv state S', elements: d * dv },
  });
}

/** Per chunk: the C×C block written and read; S and z read for the outputs, then rewritten. */
export function chunkedCost(dims: Dims, params: Params): Cost {
  const { L, d, dv } = sizes(dims);
  const C = chunkSize(params, 'linear-attention');
  const lengths = chunkLengths(L, C);
  const width = Math.min(C, L);
  const blockFlops = lengths.reduce((n, c) => n + causalPairs(c) * (2 * d + 2 * dv + 1), 0);
  const blockMoves = lengths.reduce((n, c) => n + 2 * c * c, 0);
  return costFromBuffers({
    flops: 2 * L * d + blockFlops + L * (2 * d + 2 * d * dv + dv) + L * (d + 2 * d * dv),
    movedElements: 2 * L * d + 2 * L * dv + 4 * L * d + blockMoves + 2 * lengths.length * (d * dv + d),
    buffers: [
      ...qkvBuffers(L, d, dv),
      ...featureBuffers(L, d),
      { name: 'A (one chunk)', elements: width * width },
      { name: 'S', elements: d * dv },
      { name: 'z', elements: d },
    ],
    bottleneck: { name: 'd×dv state S', elements: d * dv },
  });
}
