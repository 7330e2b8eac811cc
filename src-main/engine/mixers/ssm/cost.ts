/**
 * Cost models of the diagonal SSM (MIXERS.md §5). Scan, per (t, channel, state): 3 FLOPs for
 * h = Abar·h + B·x and 2 for C·h. Materialized, per causal pair and channel: 3·r for C·decay·B,
 * r for the decay products, 2 for M x. Inputs and output: X, Y (L×D), Abar (L×D×r), B, C (L×r).
 */
import type { BufferSpec, Cost, Dims } from '../../core/mixer.js';
import { causalPairs, costFromBuffers } from '../common/cost-model.js';

function sizes(dims: Dims): { L: number; D: number; r: number } {
  return dims as { L: number; D: number; r: number };
}

function ioBuffers(L: number, D: number, r: number): BufferSpec[] {
  return [
    { name: 'X', elements: L * D },
    { name: 'Abar', elements: L * D * r },
    { name: 'B', elements: L * r },
    { name: 'C', elements: L * r },
    { name: 'Y', elements: L * D },
  ];
}

const ioElements = (L: number, D: number, r: number): number => 2 * L * D + L * D * r + 2 * L * r;

export function scanCost(dims: Dims): Cost {
  const { L, D, r } = sizes(dims);
  return costFromBuffers({
    flops: 5 * L * D * r,
    movedElements: ioElements(L, D, r) + D * r,
    buffers: [...ioBuffers(L, D, r), { name: 'h', elements: D * r }],
    bottleneck: { name: 'r-wide state per channel (D×r)', elements: D * r },
  });
}

/** One L×L matrix at a time, rebuilt for each of the D channels. */
export function materializedCost(dims: Dims): Cost {
  const { L, D, r } = sizes(dims);
  return costFromBuffers({
    flops: D * causalPairs(L) * (4 * r + 2),
    movedElements: ioElements(L, D, r) + 2 * D * L * L,
    buffers: [...ioBuffers(L, D, r), { name: 'M (one channel)', elements: L * L }],
    bottleneck: { name: 'L×L semiseparable matrix M', elements: L * L },
  });
}
