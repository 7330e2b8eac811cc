/**
 * Cost models of SSD (MIXERS.md §6). Per causal pair: 2·N for C_t·B_s, 2 for the running decay
 * and its product, 2·P for the weighted X. Per token of the scan: 3·N·P for h = a·h + B Xᵀ, 2·N·P
 * for hᵀC. Inputs and output: X, Y (L×P), a (L), B, C (L×N).
 */
import type { BufferSpec, Cost, Dims, Params } from '../../core/mixer.js';
import { chunkLengths, chunkSize } from '../common/chunks.js';
import { causalPairs, costFromBuffers } from '../common/cost-model.js';

function sizes(dims: Dims): { L: number; N: number; P: number } {
  return dims as { L: number; N: number; P: number };
}

function ioBuffers(L: number, N: number, P: number): BufferSpec[] {
  return [
    { name: 'X', elements: L * P },
    { name: 'a', elements: L },
    { name: 'B', elements: L * N },
    { name: 'C', elements: L * N },
    { name: 'Y', elements: L * P },
  ];
}

const ioElements = (L: number, N: number, P: number): number => 2 * L * P + L + 2 * L * N;

export function quadraticCost(dims: Dims): Cost {
  const { L, N, P } = sizes(dims);
  return costFromBuffers({
    flops: causalPairs(L) * (2 * N + 2 + 2 * P),
    movedElements: ioElements(L, N, P) + 2 * L * L,
    buffers: [...ioBuffers(L, N, P), { name: 'G ⊙ CBᵀ', elements: L * L }],
    bottleneck: { name: 'L×L matrix G ⊙ CBᵀ', elements: L * L },
  });
}

export function scanCost(dims: Dims): Cost {
  const { L, N, P } = sizes(dims);
  return costFromBuffers({
    flops: 5 * L * N * P,
    movedElements: ioElements(L, N, P) + N * P,
    buffers: [...ioBuffers(L, N, P), { name: 'h', elements: N * P }],
    bottleneck: { name: 'N×P state h', elements: N * P },
  });
}

/**
 * Stage by stage: cumulative decays L; (1) the diagonal blocks; (2) 2·N·P + 1 per token for the
 * chunk states; (3) 2·N·P per chunk for the scan; (4) 2·N·P + P per token. Every chunk's Q×Q block
 * and N×P state is live at once, as in the batched listing.
 */
export function chunkedCost(dims: Dims, params: Params): Cost {
  const { L, N, P } = sizes(dims);
  const Q = chunkSize(params, 'ssd');
  const lengths = chunkLengths(L, Q);
  const chunks = lengths.length;
  const width = Math.min(Q, L);
  const blockFlops = lengths.reduce((n, c) => n + causalPairs(c) * (2 * N + 2 + 2 * P), 0);
  const blockMoves = lengths.reduce((n, c) => n + 2 * c * c, 0);
  return costFromBuffers({
    flops: L + blockFlops + L * (2 * N * P + 1) + 2 * chunks * N * P + L * (2 * N * P + P),
    movedElements: ioElements(L, N, P) + 2 * L + blockMoves + 4 * chunks * N * P,
    buffers: [
      ...ioBuffers(L, N, P),
      { name: 'decay', elements: L },
      { name: 'block scores', elements: chunks * width * width },
      { name: 'chunk states', elements: chunks * N * P },
    ],
    bottleneck: { name: 'N×P state per chunk boundary', elements: N * P },
  });
}
