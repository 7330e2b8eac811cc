/**
 * Cost models of structured-mask attention (MIXERS.md §4). Tensor a is a live buffer only for the
 * selective mask; λ and the causal 1 are constants. Building M costs one multiply per causal pair
 * (none for the causal mask); the four-step scan one add per element of Z, plus one multiply when
 * the mask decays.
 */
import type { BufferSpec, Cost, Dims, Params } from '../../core/mixer.js';
import { causalPairs, costFromBuffers } from '../common/cost-model.js';
import { qkvBuffers } from '../common/qkv-buffers.js';
import { maskKind } from './mask.js';

function sizes(dims: Dims): { L: number; d: number; dv: number } {
  return dims as { L: number; d: number; dv: number };
}

function ioBuffers(L: number, d: number, dv: number, params: Params): BufferSpec[] {
  const gate = maskKind(params) === 'selective' ? [{ name: 'a', elements: L }] : [];
  return [...qkvBuffers(L, d, dv), ...gate];
}

export function quadraticCost(dims: Dims, params: Params): Cost {
  const { L, d, dv } = sizes(dims);
  const io = ioBuffers(L, d, dv, params);
  const maskFlops = maskKind(params) === 'causal' ? 0 : causalPairs(L);
  return costFromBuffers({
    flops: maskFlops + causalPairs(L) * (2 * d + 1 + 2 * dv),
    movedElements: io.reduce((n, b) => n + b.elements, 0) + 2 * L * L + 2 * L * L,
    buffers: [...io, { name: 'M', elements: L * L }, { name: 'S', elements: L * L }],
    bottleneck: { name: 'L×L mask M and scores S', elements: L * L },
  });
}

/** Z is written once, read and rewritten by the scan, read once more for Y. */
export function fourStepCost(dims: Dims, params: Params): Cost {
  const { L, d, dv } = sizes(dims);
  const io = ioBuffers(L, d, dv, params);
  const scanFlops = (maskKind(params) === 'causal' ? 1 : 2) * Math.max(L - 1, 0) * d * dv;
  return costFromBuffers({
    flops: L * d * dv + scanFlops + 2 * L * d * dv,
    movedElements: io.reduce((n, b) => n + b.elements, 0) + 4 * L * d * dv,
    buffers: [...io, { name: 'Z→H', elements: L * d * dv }],
    bottleneck: { name: 'd×dv slice H_t carried by the mask matvec', elements: d * dv },
  });
}
