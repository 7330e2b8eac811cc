/**
 * Percentile bootstrap of the ratio of two medians: resample each side with replacement, take the
 * ratio of the resampled medians, and read the CI off the (α/2, 1 − α/2) percentiles of those
 * ratios. Seeded (core/random), so the same samples and seed give the same interval.
 *
 * Resampled medians are drawn without sorting a resample. Up to DIRECT_MAX samples, n indices are
 * drawn and counted, and the middle ranks read off the counts. Above it, the median's own bootstrap
 * distribution is sampled: with N_k ~ Binomial(n, k/n) draws at or below the k-th smallest sample,
 * P(rank-r statistic ≤ x_(k)) = P(N_k ≥ r), inverted at a uniform u. For odd n that is exact; for
 * even n the two middle ranks are read at the same u (a coupling that keeps both marginals exact and
 * the pair as dependent as it is), which is what keeps a 140-point comparison well under a second.
 */
import type { Rng } from '../core/random.js';
import { lnGamma } from './normal.js';
import { percentileSorted } from './summary.js';

export const DIRECT_MAX = 24;

/** P(Binomial(n, p) ≥ r), summing the pmf upward from r until the terms no longer count. */
export function binomialUpperTail(n: number, p: number, r: number): number {
  if (r <= 0 || p >= 1) return 1;
  if (r > n || p <= 0) return 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let term = Math.exp(lnGamma(n + 1) - lnGamma(r + 1) - lnGamma(n - r + 1) + r * logP + (n - r) * logQ);
  let sum = term;
  const odds = p / (1 - p);
  for (let j = r; j < n; j++) {
    term *= ((n - j) / (j + 1)) * odds;
    sum += term;
    if (j > n * p && term < sum * 1e-17) break;
  }
  return Math.min(1, sum);
}

/** Draws the median of a bootstrap resample of `samples`. */
export function medianResampler(samples: readonly number[], rng: Rng): () => number {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  if (n === 0) throw new Error('cannot resample zero samples');
  const lowRank = Math.floor((n + 1) / 2);
  const highRank = Math.floor(n / 2) + 1;
  if (n <= DIRECT_MAX) {
    const counts = new Int32Array(n);
    const rankValue = (rank: number): number => {
      let seen = 0;
      for (let k = 0; k < n; k++) {
        seen += counts[k]!;
        if (seen >= rank) return sorted[k]!;
      }
      return sorted[n - 1]!;
    };
    return () => {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[Math.floor(rng.uniform() * n)]!++;
      return (rankValue(lowRank) + rankValue(highRank)) / 2;
    };
  }
  const cdfOf = (rank: number): Float64Array => {
    // P(N_k ≥ rank) rises with k; once it is 1 to double precision it stays 1.
    const cdf = new Float64Array(n).fill(1);
    for (let k = 1; k <= n; k++) {
      cdf[k - 1] = binomialUpperTail(n, k / n, rank);
      if (cdf[k - 1]! >= 1 - 1e-16) break;
    }
    return cdf;
  };
  const lowCdf = cdfOf(lowRank);
  const highCdf = highRank === lowRank ? lowCdf : cdfOf(highRank);
  const invert = (cdf: Float64Array, u: number): number => {
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! > u) hi = mid;
      else lo = mid + 1;
    }
    return sorted[lo]!;
  };
  return () => {
    const u = rng.uniform();
    return (invert(lowCdf, u) + invert(highCdf, u)) / 2;
  };
}

export interface RatioBootstrap {
  readonly resamples: number;
  /** e.g. 0.95. */
  readonly confidence: number;
  readonly rng: Rng;
}

/**
 * CI of median(other) / median(baseline). Null when a resampled median is 0 (samples at the timer's
 * resolution), where a ratio has no finite interval.
 */
export function bootstrapMedianRatio(baseline: readonly number[], other: readonly number[], options: RatioBootstrap): [number, number] | null {
  const drawBaseline = medianResampler(baseline, options.rng);
  const drawOther = medianResampler(other, options.rng);
  const ratios = new Float64Array(options.resamples);
  for (let i = 0; i < options.resamples; i++) {
    const b = drawBaseline();
    const o = drawOther();
    if (!(b > 0 && o > 0)) return null;
    ratios[i] = o / b;
  }
  const sorted = Array.from(ratios.sort());
  const tail = ((1 - options.confidence) / 2) * 100;
  return [percentileSorted(sorted, tail), percentileSorted(sorted, 100 - tail)];
}
