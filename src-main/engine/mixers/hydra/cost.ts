/**
 * Cost models of Hydra (MIXERS.md §12). scan: two SSD scans, per token and direction 3·N·P for the
 * state update and 2·N·P for the output, plus the skip and the two adds (3·L·P).
 * materialized: L(L−1) off-diagonal entries of 2N + 1 (C·B and the decay), then M·X 2·L²·P.
 */
import type { Cost, Dims } from '../../core/mixer.js';
import { costFromBuffers } from '../common/cost-model.js';

function ioBuffers(L: number, N: number, P: number) {
  return [
    { name: 'X', elements: L * P },
    { name: 'a', elements: L },
    { name: 'B', elements: L * N },
    { name: 'C', elements: L * N },
    { name: 'Y', elements: L * P },
  ];
}

const ioElements = (L: number, N: number, P: number): number => 2 * L * P + L + 2 * L * N;

export function scanCost(dims: Dims): Cost {
  const { L, N, P } = dims as { L: number; N: number; P: number };
  return costFromBuffers({
    flops: 2 * L * 5 * N * P + 3 * L * P,
    movedElements: ioElements(L, N, P) + 2 * N * P,
    buffers: [...ioBuffers(L, N, P), { name: 'h (forward state)', elements: N * P }, { name: 'g (backward state)', elements: N * P }],
    bottleneck: { name: '2 N×P states (forward and backward)', elements: 2 * N * P },
  });
}

export function materializedCost(dims: Dims): Cost {
  const { L, N, P } = dims as { L: number; N: number; P: number };
  return costFromBuffers({
    flops: L * (L - 1) * (2 * N + 1) + 2 * L * L * P,
    movedElements: ioElements(L, N, P) + 2 * L * L,
    buffers: [...ioBuffers(L, N, P), { name: 'M', elements: L * L }],
    bottleneck: { name: 'L×L quasiseparable matrix', elements: L * L },
  });
}
