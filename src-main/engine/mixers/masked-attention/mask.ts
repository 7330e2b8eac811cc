/**
 * The structured masks of MIXERS.md §4. Each is 1-semiseparable: M_ts = g_{s+1}·…·g_t for s ≤ t
 * with a per-step factor g_t: 1 (causal), λ (decay, M_ts = λ^(t−s)) or a_t (selective).
 * That factor is also the whole of the mask's fast matvec: h_t = g_t·h_{t−1} + z_t (R = 1).
 */
import { MixscopeError } from '../../core/errors.js';
import type { Inputs, ParamSpec, Params } from '../../core/mixer.js';
import { allocate, type DType, type FloatArray } from '../../core/tensor.js';
import { decayLambda } from '../common/gates.js';

export const MASK_KINDS = ['causal', 'decay', 'selective'] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

export const MASK_PARAM: ParamSpec = {
  name: 'mask',
  description: 'causal (0/1), decay (λ^(t−s)) or selective (a_{s+1}·…·a_t from tensor a)',
  type: 'enum',
  default: 'causal',
  values: MASK_KINDS,
};

export function maskKind(params: Params): MaskKind {
  const raw = String(params['mask'] ?? MASK_PARAM.default);
  const kind = MASK_KINDS.find((k) => k === raw);
  if (!kind) throw new MixscopeError(`parameter 'mask' of masked-attention must be one of ${MASK_KINDS.join(', ')}; got '${raw}'`);
  return kind;
}

/** The per-step factors g_t, t = 0..L−1, in the run's dtype. */
export function stepFactors(inputs: Inputs, params: Params, dtype: DType, L: number): FloatArray {
  const kind = maskKind(params);
  const factors = allocate(dtype, L);
  if (kind === 'causal') factors.fill(1);
  else if (kind === 'decay') factors.fill(decayLambda(params, 'masked-attention'));
  else factors.set(inputs['a']!.data);
  return factors;
}

/**
 * Row t of the mask by its definition, in float64 (for the reference and the focus row):
 * 1, λ^(t−s) from Math.pow, or the product a_{s+1}·…·a_t accumulated leftwards from the diagonal.
 */
export function maskRow(inputs: Inputs, params: Params, t: number): Float64Array {
  const kind = maskKind(params);
  const row = new Float64Array(t + 1);
  if (kind === 'causal') return row.fill(1);
  if (kind === 'decay') {
    const lambda = decayLambda(params, 'masked-attention');
    for (let s = 0; s <= t; s++) row[s] = Math.pow(lambda, t - s);
    return row;
  }
  const a = inputs['a']!.data;
  let product = 1;
  for (let s = t; s >= 0; s--) {
    row[s] = product;
    product *= a[s]!;
  }
  return row;
}
