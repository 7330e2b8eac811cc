import { describe, expect, it } from 'vitest';
import { fitCurves } from './analysis.js';

describe('fitCurves', () => {
  const lengths = [16, 32, 64, 128, 256, 512, 1024, 2048];
  // A quadratic kernel behind a fixed 0.01 ms launch overhead: the whole-range fit is dragged below 2.
  const points = lengths.map((L) => ({ L, ms: 0.01 + 1e-6 * L * L }));
  const [fit] = fitCurves([{ mixer: 'softmax-attention', form: 'materialized', backend: 'js', points }], () => 'quadratic');

  it('fits the whole range and, separately, the upper half of the lengths', () => {
    expect(fit!.points).toBe(8);
    // Theil–Sen in log-log on these exact values (NumPy: median of pairwise slopes): 1.3704 over
    // all lengths, 1.9463 from L = 256 (least squares gave 1.286 and 1.936).
    expect(fit!.method).toBe('theil-sen');
    expect(fit!.exponent).toBeCloseTo(1.3704, 4);
    expect(fit!.tail).toMatchObject({ fromL: 256 });
    expect(fit!.tail!.exponent).toBeCloseTo(1.9463, 4);
  });

  it('gives exact medians a zero-width CI and resampled ones a CI that covers the estimate', () => {
    expect(fit!.ci).toMatchObject({ lo: fit!.exponent, hi: fit!.exponent, level: 0.95 });
    expect(fit!.wide).toBe(false);
    // Samples spread ±10% around each median: the CI opens but stays around the exponent.
    const noisy = points.map((p) => ({ ...p, samplesMs: [0.9, 0.95, 1, 1.05, 1.1].map((f) => p.ms * f) }));
    const [resampled] = fitCurves([{ mixer: 'm', form: 'f', backend: 'js', points: noisy }], () => null);
    expect(resampled!.ci!.lo).toBeLessThan(resampled!.exponent);
    expect(resampled!.ci!.hi).toBeGreaterThan(resampled!.exponent);
    expect(resampled!.ci!.hi - resampled!.ci!.lo).toBeLessThan(0.2);
  });

  it('has no tail fit below 4 lengths', () => {
    const [short] = fitCurves([{ mixer: 'm', form: 'f', backend: 'js', points: points.slice(0, 3) }], () => null);
    expect(short!.tail).toBeUndefined();
  });
});
