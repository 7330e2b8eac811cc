import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { crossoverCi, fitRobust, isWideCrossover, isWideExponent } from './fit-ci.js';
import { bootstrapMedians } from './resample.js';
import { theilSen } from './theil-sen.js';

const lengths = [128, 256, 512, 1024, 2048];

describe('theilSen', () => {
  it('recovers known slopes exactly', () => {
    for (const slope of [0.5, 1, 2, 3]) {
      const xs = lengths.map(Math.log);
      const line = theilSen(xs, xs.map((x) => slope * x - 4));
      expect(line.slope).toBeCloseTo(slope, 12);
      expect(line.intercept).toBeCloseTo(-4, 10);
    }
  });

  it('is not pulled by one wild point, where least squares is', () => {
    const xs = lengths.map(Math.log);
    const ys = xs.map((x) => 2 * x);
    ys[1] = ys[1]! + 3; // one point 20× too slow
    expect(theilSen(xs, ys).slope).toBeCloseTo(2, 12);
    expect(() => theilSen([1, 1], [1, 2])).toThrow(/two distinct/);
  });
});

describe('fitRobust', () => {
  /** Samples of a point: `n` draws around `ms` with relative spread `spread`. */
  const sampled = (ms: number, spread: number, n: number, seed: number) => {
    const rng = createRng(seed);
    return Array.from({ length: n }, () => ms * (1 + spread * rng.normal()));
  };

  it('gives a CI that covers the true exponent and narrows with tighter samples', () => {
    const curve = (spread: number) => lengths.map((L, i) => {
      const samplesMs = sampled(1e-5 * L ** 2, spread, 30, i + 1);
      const ms = [...samplesMs].sort((a, b) => a - b)[15]!;
      return { L, ms, samplesMs };
    });
    const loose = fitRobust(curve(0.1));
    const tight = fitRobust(curve(0.01));
    expect(loose.ci.lo).toBeLessThan(2);
    expect(loose.ci.hi).toBeGreaterThan(2);
    expect(tight.ci.hi - tight.ci.lo).toBeLessThan(loose.ci.hi - loose.ci.lo);
    expect(tight.exponent).toBeCloseTo(2, 1);
    expect(isWideExponent(tight.ci)).toBe(false);
    expect(isWideExponent({ lo: 1.7, hi: 2.3, level: 0.95 })).toBe(true);
  });

  it('is reproducible for a seed', () => {
    const points = lengths.map((L, i) => ({ L, ms: L, samplesMs: sampled(L, 0.05, 12, i) }));
    expect(fitRobust(points, 9).ci).toEqual(fitRobust(points, 9).ci);
  });
});

describe('crossoverCi', () => {
  it('brackets the crossing of a linear and a quadratic curve and opens when they barely differ', () => {
    const rng = createRng(11);
    const noisy = (ms: number) => Array.from({ length: 20 }, () => ms * (1 + 0.03 * rng.normal()));
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[10]!;
    const mk = (f: (L: number) => number) => lengths.map((L) => { const s = noisy(f(L)); return { L, ms: median(s), samplesMs: s }; });
    // L/100 and L²/51200 cross at L = 512.
    const ci = crossoverCi(mk((L) => L / 100), mk((L) => (L * L) / 51200));
    expect(ci.lo!).toBeLessThan(512);
    expect(ci.hi!).toBeGreaterThan(512);
    expect(ci.agreement).toBeGreaterThan(0.9);
    expect(isWideCrossover(ci)).toBe(false);
    // Two curves 0.5% apart with 3% noise: resamples disagree on whether they cross at all.
    const twin = crossoverCi(mk((L) => L), mk((L) => L * 1.005));
    expect(isWideCrossover(twin)).toBe(true);
  });

  it('draws bootstrap medians from the samples themselves', () => {
    const draw = bootstrapMedians([1, 2, 3, 4, 5, 6, 7, 8, 9], createRng(1));
    const seen = new Set(Array.from({ length: 500 }, draw));
    for (const x of seen) expect([2, 3, 4, 5, 6, 7, 8]).toContain(x);
    expect(seen.has(5)).toBe(true);
  });
});
