import { describe, expect, it } from 'vitest';
import { fitCurves } from './analysis.js';

describe('fitCurves', () => {
  const lengths = [16, 32, 64, 128, 256, 512, 1024, 2048];
  // A quadratic kernel behind a fixed 0.01 ms launch overhead: the whole-range fit is dragged below 2.
  const points = lengths.map((L) => ({ L, ms: 0.01 + 1e-6 * L * L }));
  const [fit] = fitCurves([{ mixer: 'softmax-attention', form: 'materialized', backend: 'js', points }], () => 'quadratic');

  it('fits the whole range and, separately, the upper half of the lengths', () => {
    expect(fit!.points).toBe(8);
    // Least squares in log-log on these exact values: 1.286 over all lengths, 1.936 from L = 256.
    expect(fit!.exponent).toBeCloseTo(1.286, 2);
    expect(fit!.tail).toMatchObject({ fromL: 256 });
    expect(fit!.tail!.exponent).toBeCloseTo(1.936, 2);
  });

  it('has no tail fit below 4 lengths', () => {
    const [short] = fitCurves([{ mixer: 'm', form: 'f', backend: 'js', points: points.slice(0, 3) }], () => null);
    expect(short!.tail).toBeUndefined();
  });
});
