/** Decay factors in (0, 1): the λ parameter and the data-dependent gates a_t of MIXERS.md §3, §4, §6. */
import { MixscopeError } from '../../core/errors.js';
import type { ParamSpec, Params } from '../../core/mixer.js';
import type { Rng } from '../../core/random.js';

export const LAMBDA_PARAM: ParamSpec = {
  name: 'lambda',
  description: 'decay λ per step, M_ts = λ^(t−s)',
  type: 'number',
  default: 0.97,
  min: 0,
  max: 1,
  exclusive: true,
};

/** Reads `lambda`, refusing values outside the open interval (0, 1). */
export function decayLambda(params: Params, mixerId: string): number {
  const raw = params['lambda'] ?? LAMBDA_PARAM.default;
  const lambda = Number(raw);
  if (!(lambda > 0 && lambda < 1)) {
    throw new MixscopeError(`parameter 'lambda' of ${mixerId} must lie in (0, 1); got '${raw}'`);
  }
  return lambda;
}

/**
 * Gates a_t = exp(−Δ_t) with step sizes Δ_t uniform in [−ln high, −ln low]: the Mamba-2 style
 * a = exp(Δ·A) with A = −1, so every gate lies in [low, high] ⊂ (0, 1).
 */
export function randomGates(rng: Rng, n: number, low: number, high: number): Float64Array {
  const out = new Float64Array(n);
  const dMin = -Math.log(high);
  const dMax = -Math.log(low);
  for (let i = 0; i < n; i++) out[i] = Math.exp(-(dMin + (dMax - dMin) * rng.uniform()));
  return out;
}
