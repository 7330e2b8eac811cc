/**
 * Cost models of softmax attention (MIXERS.md §1). Causal kernels skip the upper triangle, so the
 * score work is L(L+1)/2 entries: 2·d FLOPs each for QKᵀ, 2·dv for A·V, ~3 for max/exp/normalize.
 */
import type { Cost, Dims } from '../../core/mixer.js';

function causalPairs(L: number): number {
  return (L * (L + 1)) / 2;
}

function ioBuffers(L: number, d: number, dv: number): { name: string; elements: number }[] {
  return [
    { name: 'Q', elements: L * d },
    { name: 'K', elements: L * d },
    { name: 'V', elements: L * dv },
    { name: 'Y', elements: L * dv },
  ];
}

const sum = (buffers: { elements: number }[]): number => buffers.reduce((n, b) => n + b.elements, 0);

export function materializedCost(dims: Dims): Cost {
  const { L, d, dv } = dims as { L: number; d: number; dv: number };
  const buffers = [...ioBuffers(L, d, dv), { name: 'S', elements: L * L }];
  return {
    flops: causalPairs(L) * (2 * d + 2 * dv + 3),
    movedElements: 2 * L * d + 2 * L * dv + 2 * L * L,
    buffers,
    peakElements: sum(buffers),
    bottleneck: { name: 'L×L scores', elements: L * L },
  };
}

export function fusedCost(dims: Dims): Cost {
  const { L, d, dv } = dims as { L: number; d: number; dv: number };
  const buffers = ioBuffers(L, d, dv);
  return {
    flops: causalPairs(L) * (2 * d + 2 * dv + 3),
    movedElements: 2 * L * d + 2 * L * dv,
    buffers,
    peakElements: sum(buffers),
    bottleneck: { name: 'L×L scores (streamed, never stored)', elements: L * L },
  };
}
