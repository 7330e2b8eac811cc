/** Builds a Cost whose peak is the sum of its live buffers (MIXERS.md "Memory and bottleneck conventions"). */
import type { BufferSpec, Cost } from '../../core/mixer.js';

export function costFromBuffers(cost: Omit<Cost, 'peakElements'>): Cost {
  return { ...cost, peakElements: cost.buffers.reduce((n: number, b: BufferSpec) => n + b.elements, 0) };
}

/** Number of (t, s) pairs with s ≤ t, the entries a causal kernel touches. */
export function causalPairs(L: number): number {
  return (L * (L + 1)) / 2;
}
