/**
 * Where one time curve overtakes another. Compared on the lengths both curves measured; between two
 * neighbouring lengths the curves are taken as straight lines in log-log (power laws), so the
 * crossing of g(x) = log tA − log tB is found by linear interpolation in log L.
 */
import type { CurvePoint } from './fit.js';

export type CrossoverResult =
  | { readonly status: 'crosses'; readonly L: number }
  /** A is faster at every common length. */
  | { readonly status: 'always' }
  /** A is not faster at the largest common length. */
  | { readonly status: 'never' };

/** The L from which curve `a` beats curve `b` for good (on the measured range). */
export function findCrossover(a: readonly CurvePoint[], b: readonly CurvePoint[]): CrossoverResult {
  const bByL = new Map(b.map((p) => [p.L, p.ms]));
  const common = a
    .filter((p) => bByL.has(p.L) && p.ms > 0 && bByL.get(p.L)! > 0)
    .sort((x, y) => x.L - y.L)
    .map((p) => ({ x: Math.log(p.L), g: Math.log(p.ms) - Math.log(bByL.get(p.L)!) }));
  if (common.length === 0) return { status: 'never' };
  const last = common.length - 1;
  if (common[last]!.g >= 0) return { status: 'never' };
  let i = last;
  while (i > 0 && common[i - 1]!.g < 0) i--;
  if (i === 0) return { status: 'always' };
  const lo = common[i - 1]!;
  const hi = common[i]!;
  // g(lo) ≥ 0 > g(hi): the zero of the line through them.
  const x = lo.x + (lo.g * (hi.x - lo.x)) / (lo.g - hi.g);
  return { status: 'crosses', L: Math.exp(x) };
}
