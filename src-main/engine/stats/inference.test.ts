import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { binomialUpperTail, bootstrapMedianRatio, DIRECT_MAX, medianResampler } from './bootstrap.js';
import { benjaminiHochberg } from './fdr.js';
import { mannWhitneyU } from './mann-whitney.js';
import { lnGamma, normalSurvival } from './normal.js';
import { percentile } from './summary.js';

describe('mannWhitneyU (values from SciPy 1.17 mannwhitneyu, two-sided)', () => {
  const males = [19, 22, 16, 29, 24];
  const females = [20, 11, 17, 12];

  it('is exact for small samples without ties (SciPy docs example)', () => {
    // 7 of the C(9,4) = 126 rank arrangements have U ≥ 17; two-sided: 14/126.
    const r = mannWhitneyU(males, females);
    expect(r).toMatchObject({ u: 17, method: 'exact' });
    expect(r.p).toBeCloseTo(0.1111111111111111, 12);
    expect(mannWhitneyU(females, males).p).toBeCloseTo(0.1111111111111111, 12);
  });

  it('is exact with one side of 3 against 20', () => {
    const b = Array.from({ length: 20 }, (_, i) => (i + 1) * 0.37 + 0.05);
    const r = mannWhitneyU([0.1, 0.5, 2.0], b);
    expect(r.u).toBe(6);
    expect(r.p).toBeCloseTo(0.025974025974025972, 12);
  });

  it('uses the normal approximation with tie correction and continuity', () => {
    const x = [1.83, 0.5, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.3];
    const y = [0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29];
    const r = mannWhitneyU(x, y);
    expect(r).toMatchObject({ u: 58, method: 'asymptotic' });
    expect(r.p).toBeCloseTo(0.13291945818531892, 6);
    const tied = mannWhitneyU([1, 2, 2, 3, 4, 5, 5, 5, 6], [2, 3, 3, 4, 6, 7, 7, 8, 9, 9]);
    expect(tied.u).toBe(23);
    expect(tied.p).toBeCloseTo(0.07707462482576644, 6);
  });

  it('finds a shift in 30 against 25 normal samples', () => {
    const a = [12.041, 7.444, 10.418, 9.432, 9.547, 9.784, 7.98, 9.768, 9.135, 13.323, 10.226, 9.647, 9.719, 9.332, 8.945,
      9.609, 10.482, 9.761, 10.958, 9.8, 10.024, 11.546, 10.545, 9.495, 9.817, 10.541, 11.935, 9.73, 9.756, 11.002];
    const b = [9.914, 10.508, 11.683, 11.38, 10.892, 11.47, 7.972, 11.821, 9.84, 9.131, 11.076, 11.501, 10.355, 9.724, 10.826,
      10.747, 12.206, 11.547, 10.994, 11.912, 10.594, 9.874, 11.384, 11.383, 10.585];
    const r = mannWhitneyU(a, b);
    expect(r.u).toBe(201);
    expect(r.p).toBeCloseTo(0.003360443631431463, 7);
  });

  it('gives p = 1 for identical constant samples and refuses an empty side', () => {
    expect(mannWhitneyU([1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 1, 1, 1]).p).toBe(1);
    expect(() => mannWhitneyU([], [1])).toThrow(/both sides/);
  });
});

describe('benjaminiHochberg', () => {
  it('matches a hand-computed example', () => {
    // Sorted: 0.005, 0.01, 0.03, 0.04, 0.2, 0.5; m·p/rank = 0.03, 0.03, 0.06, 0.06, 0.24, 0.5;
    // running minimum from the top gives the same; back in input order:
    expect(benjaminiHochberg([0.01, 0.04, 0.03, 0.005, 0.2, 0.5])).toEqual([0.03, 0.06, 0.06, 0.03, 0.24, 0.5].map((q) => expect.closeTo(q, 12)));
    expect(benjaminiHochberg([0.9, 0.95])).toEqual([0.95, 0.95]);
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

describe('normal tail, log Γ, binomial tail', () => {
  it('match known values', () => {
    expect(normalSurvival(1.959963984540054)).toBeCloseTo(0.025, 7);
    expect(normalSurvival(0)).toBeCloseTo(0.5, 7);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 10);
    expect(lnGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 10);
    // scipy.stats.binom.sf(49, 100, 0.47), binom.sf(2, 5, 0.2)
    expect(binomialUpperTail(100, 0.47, 50)).toBeCloseTo(0.30780088607170625, 10);
    expect(binomialUpperTail(5, 0.2, 3)).toBeCloseTo(0.05792, 12);
  });
});

describe('bootstrap of the median ratio', () => {
  it('draws resampled medians from the right distribution on both paths', () => {
    // Median of a resample of 1..n: for odd n its exact mean is the mean of the bootstrap median
    // distribution; compare the direct and the binomial paths on the same data.
    for (const n of [DIRECT_MAX - 1, DIRECT_MAX + 3]) {
      const samples = Array.from({ length: n }, (_, i) => i + 1);
      const draw = medianResampler(samples, createRng(5));
      const draws = Array.from({ length: 20000 }, draw);
      expect(Math.abs(percentile(draws, 50) - (n + 1) / 2)).toBeLessThanOrEqual(1);
      // sd of the median of n draws from a density f: 1/(2·f(m)·√n); here f = 1/n, so √n/2.
      const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
      const sd = Math.sqrt(draws.reduce((s, x) => s + (x - mean) ** 2, 0) / draws.length);
      expect(sd / (Math.sqrt(n) / 2)).toBeGreaterThan(0.9);
      expect(sd / (Math.sqrt(n) / 2)).toBeLessThan(1.1);
    }
  });

  it('is reproducible for a seed and brackets the observed ratio', () => {
    const base = Array.from({ length: 40 }, (_, i) => 1 + 0.01 * ((i * 7) % 13));
    const other = base.map((x) => 2 * x);
    const a = bootstrapMedianRatio(base, other, { resamples: 500, confidence: 0.95, rng: createRng(3) });
    const b = bootstrapMedianRatio(base, other, { resamples: 500, confidence: 0.95, rng: createRng(3) });
    expect(a).toEqual(b);
    expect(a![0]).toBeLessThanOrEqual(2);
    expect(a![1]).toBeGreaterThanOrEqual(2);
    expect(bootstrapMedianRatio([0, 0, 0, 0, 0], [1, 1, 1, 1, 1], { resamples: 10, confidence: 0.95, rng: createRng(1) })).toBeNull();
  });
});
