/**
 * Distribution-free confidence interval of a median from order statistics: with n samples, the
 * number below the true median is Binomial(n, ½), so [x_(j), x_(n−j+1)] (1-based ranks) covers it
 * with probability 1 − 2·P(B ≤ j − 1). j is the largest rank whose coverage is still at least the
 * level. No assumption about the shape of the timing distribution (skewed, heavy-tailed, bimodal).
 */
import type { Interval } from '../record/point.js';

/** Below this many samples a 95% interval is not defined (n = 5 covers only 93.75%). */
export const MIN_SAMPLES_FOR_CI = 6;

/** P(B ≤ k) for B ~ Binomial(n, ½), summed in log space so n in the thousands stays exact enough. */
export function binomialHalfCdf(n: number, k: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let logTerm = -n * Math.LN2; // C(n, 0) / 2^n
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i);
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}

/** lowerRank's answers by (n, level): the stopping rule asks after every sample. */
const ranks = new Map<string, number | undefined>();

/**
 * 1-based rank j of the lower end: the largest j with 1 − 2·P(B ≤ j − 1) ≥ level. One pass, the
 * CDF accumulated term by term as j grows (O(n), then remembered).
 */
export function lowerRank(n: number, level: number): number | undefined {
  const key = `${n}:${level}`;
  if (ranks.has(key)) return ranks.get(key);
  const alpha = 1 - level;
  const last = Math.floor((n + 1) / 2);
  let j = 0;
  let logTerm = -n * Math.LN2; // log P(B = 0)
  let cdf = Math.exp(logTerm); // P(B ≤ j)
  while (j + 1 <= last && 2 * Math.min(1, j >= n ? 1 : cdf) <= alpha) {
    j++;
    logTerm += Math.log((n - j + 1) / j);
    cdf += Math.exp(logTerm);
  }
  const rank = j >= 1 ? j : undefined;
  ranks.set(key, rank);
  return rank;
}

/** CI of the median of already sorted samples, or null when n is too small for the level. */
export function medianCiSorted(sorted: readonly number[], level = 0.95): Interval | null {
  const n = sorted.length;
  const j = lowerRank(n, level);
  if (j === undefined) return null;
  return { lo: sorted[j - 1]!, hi: sorted[n - j]!, level };
}

export function medianCi(samples: readonly number[], level = 0.95): Interval | null {
  return medianCiSorted([...samples].sort((a, b) => a - b), level);
}

/** Half-width of the CI relative to the median: the larger side, so a skewed CI is not flattered. */
export function relativeHalfWidth(ci: Interval, median: number): number {
  if (!(median > 0)) return Infinity;
  return Math.max(median - ci.lo, ci.hi - median) / median;
}
