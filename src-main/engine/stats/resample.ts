/**
 * Medians of bootstrap resamples drawn in O(log n) without building a resample: the rank-m order
 * statistic of n draws with replacement is at or below x_(k) exactly when at least m draws land at
 * or below x_(k), i.e. P = P(Binomial(n, k/n) ≥ m). That CDF over k is tabled once per point, and
 * a uniform u is inverted by binary search. m = ⌊n/2⌋ + 1 (the upper middle rank for even n).
 */
import type { Rng } from '../core/random.js';

/** log k! for k = 0..n. */
function logFactorials(n: number): Float64Array {
  const out = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) out[k] = out[k - 1]! + Math.log(k);
  return out;
}

/** P(Binomial(n, p) ≥ m), summing the pmf upward from m until the terms no longer count. */
function upperTail(n: number, p: number, m: number, logFact: Float64Array): number {
  if (p >= 1) return 1;
  if (p <= 0) return m <= 0 ? 1 : 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let sum = 0;
  for (let j = m; j <= n; j++) {
    const term = Math.exp(logFact[n]! - logFact[j]! - logFact[n - j]! + j * logP + (n - j) * logQ);
    sum += term;
    if (j > n * p && term < sum * 1e-16) break;
  }
  return Math.min(1, sum);
}

export type MedianDraw = () => number;

interface MedianTable {
  readonly sorted: Float64Array;
  readonly cdf: Float64Array;
}

/** Tables by sample array: one curve's points are resampled for its fits and for every crossover it is in. */
const tables = new WeakMap<readonly number[], MedianTable>();

function tableOf(samples: readonly number[]): MedianTable {
  const cached = tables.get(samples);
  if (cached) return cached;
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  const m = Math.floor(n / 2) + 1;
  const logFact = logFactorials(n);
  // Outside m ± 8√n the CDF is 0 or 1 to double precision: only the window is summed.
  const halfWindow = Math.ceil(8 * Math.sqrt(n)) + 1;
  const cdf = new Float64Array(n);
  for (let k = 1; k <= n; k++) {
    cdf[k - 1] = k < m - halfWindow ? 0 : k > m + halfWindow ? 1 : upperTail(n, k / n, m, logFact);
  }
  const table = { sorted, cdf };
  tables.set(samples, table);
  return table;
}

/** A sampler of bootstrap medians of `samples` (at least one). */
export function bootstrapMedians(samples: readonly number[], rng: Rng): MedianDraw {
  const n = samples.length;
  if (n === 0) throw new Error('cannot resample zero samples');
  const { sorted, cdf } = tableOf(samples);
  if (n === 1) return () => sorted[0]!;
  return () => {
    const u = rng.uniform();
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! >= u) hi = mid;
      else lo = mid + 1;
    }
    return sorted[lo]!;
  };
}
