/**
 * Order statistics of timing samples. Percentiles interpolate linearly between order statistics
 * (NumPy's default 'linear' method): p-th percentile at rank (n−1)·p/100 of the sorted samples.
 */
export interface SampleSummary {
  readonly n: number;
  readonly min: number;
  readonly p10: number;
  readonly p50: number;
  readonly p90: number;
  readonly max: number;
  readonly mean: number;
  /** Coefficient of variation: sample standard deviation over the mean (0 for one sample). */
  readonly cv: number;
  /** Interquartile range p75 − p25. */
  readonly iqr: number;
  /** IQR above 10% of the median: the spread is too wide for the median to stand alone. */
  readonly noisy: boolean;
}

export const NOISY_IQR_FRACTION = 0.1;

/** Percentile `p` in [0, 100] of already sorted values. */
export function percentileSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('percentile of no samples');
  const rank = ((sorted.length - 1) * p) / 100;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  return a + (sorted[hi]! - a) * (rank - lo);
}

export function percentile(values: readonly number[], p: number): number {
  return percentileSorted([...values].sort((a, b) => a - b), p);
}

export function summarize(samples: readonly number[]): SampleSummary {
  if (samples.length === 0) throw new Error('cannot summarize zero samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  const p50 = percentileSorted(sorted, 50);
  const iqr = percentileSorted(sorted, 75) - percentileSorted(sorted, 25);
  return {
    n,
    min: sorted[0]!,
    p10: percentileSorted(sorted, 10),
    p50,
    p90: percentileSorted(sorted, 90),
    max: sorted[n - 1]!,
    mean,
    cv: mean > 0 ? Math.sqrt(variance) / mean : 0,
    iqr,
    noisy: iqr > NOISY_IQR_FRACTION * p50,
  };
}
