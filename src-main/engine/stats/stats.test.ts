import { describe, expect, it } from 'vitest';
import { findCrossover } from './crossover.js';
import { fitScalingExponent } from './fit.js';
import { percentile, summarize } from './summary.js';

describe('summarize', () => {
  it('matches NumPy linear percentiles', () => {
    // np.percentile([1,2,3,4,10], [10,25,50,75,90]) = [1.4, 2, 3, 4, 7.6]
    const s = summarize([4, 1, 10, 3, 2]);
    expect(s.p10).toBeCloseTo(1.4, 12);
    expect(s.p50).toBe(3);
    expect(s.p90).toBeCloseTo(7.6, 12);
    expect(s.iqr).toBe(2);
    expect(s.min).toBe(1);
    expect(s.max).toBe(10);
    expect(s.mean).toBe(4);
    // sample stdev of [1,2,3,4,10] = sqrt(12.5)
    expect(s.cv).toBeCloseTo(Math.sqrt(12.5) / 4, 12);
    expect(s.noisy).toBe(true);
  });

  it('is quiet when the spread is within 10% of the median', () => {
    const s = summarize([100, 101, 102, 103, 104]);
    expect(s.iqr).toBe(2);
    expect(s.noisy).toBe(false);
  });

  it('handles one sample and refuses none', () => {
    expect(summarize([5])).toMatchObject({ n: 1, p10: 5, p50: 5, p90: 5, cv: 0, iqr: 0, noisy: false });
    expect(() => summarize([])).toThrow(/zero samples/);
    expect(percentile([3, 1, 2], 50)).toBe(2);
  });
});

describe('fitScalingExponent', () => {
  it('recovers a power law exactly', () => {
    const pts = [128, 256, 512, 1024].map((L) => ({ L, ms: 3e-5 * L ** 2 }));
    const fit = fitScalingExponent(pts);
    expect(fit.exponent).toBeCloseTo(2, 12);
    expect(fit.intercept).toBeCloseTo(Math.log(3e-5), 10);
    expect(fit.r2).toBeCloseTo(1, 12);
  });

  it('fits a noisy line with r2 below one', () => {
    const pts = [100, 200, 400, 800].map((L, i) => ({ L, ms: L * (i % 2 ? 1.1 : 0.9) }));
    const fit = fitScalingExponent(pts);
    expect(fit.exponent).toBeGreaterThan(0.9);
    expect(fit.exponent).toBeLessThan(1.1);
    expect(fit.r2!).toBeLessThan(1);
  });

  it('refuses degenerate input', () => {
    expect(() => fitScalingExponent([{ L: 8, ms: 1 }, { L: 8, ms: 2 }])).toThrow(/two distinct/);
    expect(() => fitScalingExponent([{ L: 8, ms: 0 }, { L: 16, ms: 2 }])).toThrow(/log-log/);
    expect(fitScalingExponent([{ L: 8, ms: 1 }, { L: 16, ms: 1 }]).r2).toBeNull();
  });
});

describe('findCrossover', () => {
  const Ls = [128, 256, 512, 1024, 2048];
  it('finds where a linear curve overtakes a quadratic one', () => {
    // tA = L/100, tB = L²/51200: equal at L = 512 exactly.
    const a = Ls.map((L) => ({ L, ms: L / 100 }));
    const b = Ls.map((L) => ({ L, ms: (L * L) / 51200 }));
    const result = findCrossover(a, b);
    expect(result.status).toBe('crosses');
    if (result.status === 'crosses') expect(result.L).toBeCloseTo(512, 6);
  });

  it('interpolates between measured lengths in log-log', () => {
    // tA = L, tB = L²/c cross at L = c = 256·√2, between the measured 256 and 512.
    const cross = 256 * Math.SQRT2;
    const a = Ls.map((L) => ({ L, ms: L }));
    const b = Ls.map((L) => ({ L, ms: (L * L) / cross }));
    const result = findCrossover(a, b);
    expect(result).toEqual({ status: 'crosses', L: expect.closeTo(cross, 6) });
  });

  it('says always and never', () => {
    const fast = Ls.map((L) => ({ L, ms: 1 }));
    const slow = Ls.map((L) => ({ L, ms: 2 }));
    expect(findCrossover(fast, slow)).toEqual({ status: 'always' });
    expect(findCrossover(slow, fast)).toEqual({ status: 'never' });
    expect(findCrossover(fast, [{ L: 3, ms: 1 }])).toEqual({ status: 'never' });
  });

  it('takes the last crossing when curves wiggle', () => {
    const a = [{ L: 1, ms: 1 }, { L: 2, ms: 3 }, { L: 4, ms: 1 }, { L: 8, ms: 3 }, { L: 16, ms: 1 }];
    const b = Ls.slice(0, 5).map((_, i) => ({ L: 2 ** i, ms: 2 }));
    const result = findCrossover(a, b);
    expect(result.status).toBe('crosses');
    if (result.status === 'crosses') expect(result.L).toBeGreaterThan(8);
  });
});
