import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { countOutliers, findModes } from './distribution.js';
import { binomialHalfCdf, lowerRank, medianCi, relativeHalfWidth } from './median-ci.js';
import { isWarm, stopReason, visitMedians, type StopRule } from './stopping.js';

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('medianCi', () => {
  it('uses the order statistics of the binomial(n, ½) table', () => {
    // n = 10: P(B ≤ 1) = 11/1024, so [x_(2), x_(9)] covers with 1 − 22/1024 = 97.9% (x_(3), x_(8): 89%).
    expect(binomialHalfCdf(10, 1)).toBeCloseTo(11 / 1024, 15);
    expect(lowerRank(10, 0.95)).toBe(2);
    expect(medianCi([10, 1, 9, 2, 8, 3, 7, 4, 6, 5])).toEqual({ lo: 2, hi: 9, level: 0.95 });
    // n = 100: the textbook ranks 40 and 61.
    expect(lowerRank(100, 0.95)).toBe(40);
    expect(medianCi([1, 2, 3, 4, 5])).toBeNull();
    expect(medianCi([1, 2, 3, 4, 5, 6])).toEqual({ lo: 1, hi: 6, level: 0.95 });
  });

  it('finds the same rank as the definition, term by term, for every n up to 400 and three levels', () => {
    const byDefinition = (n: number, level: number) => {
      let j = 0;
      while (j + 1 <= Math.floor((n + 1) / 2) && 2 * binomialHalfCdf(n, j) <= 1 - level) j++;
      return j >= 1 ? j : undefined;
    };
    for (const level of [0.9, 0.95, 0.99]) for (let n = 1; n <= 400; n++) expect(lowerRank(n, level), `n = ${n}, level ${level}`).toBe(byDefinition(n, level));
  });

  it('covers the true median about 95% of the time or more', () => {
    const rng = createRng(7);
    let covered = 0;
    for (let trial = 0; trial < 400; trial++) {
      // Log-normal around median 1: skewed like timings.
      const xs = Array.from({ length: 25 }, () => Math.exp(0.3 * rng.normal()));
      const ci = medianCi(xs)!;
      if (ci.lo <= 1 && ci.hi >= 1) covered++;
    }
    expect(covered / 400).toBeGreaterThan(0.93);
  });

  it('measures the half-width on the wider side', () => {
    expect(relativeHalfWidth({ lo: 9, hi: 12, level: 0.95 }, 10)).toBeCloseTo(0.2, 12);
  });
});

describe('stopping rule', () => {
  const rule: StopRule = { target: 0.02, minSamples: 3, minTimeMs: 0, minVisits: 2, capMs: 100, maxSamples: 50 };

  it('stops once the CI is within ±2% and the point had two visits', () => {
    const tight = [10, 10.1, 9.9, 10.05, 9.95, 10];
    expect(stopReason({ samplesMs: tight, visits: 1, spentMs: 60 }, rule)).toBeUndefined();
    expect(stopReason({ samplesMs: tight, visits: 2, spentMs: 60 }, rule)).toBe('ci-reached');
  });

  it('goes on while the CI is wide, until the time cap or the sample cap', () => {
    const wide = [10, 14, 9, 12, 8, 15];
    expect(stopReason({ samplesMs: wide, visits: 3, spentMs: 60 }, rule)).toBeUndefined();
    expect(stopReason({ samplesMs: wide, visits: 3, spentMs: 100 }, rule)).toBe('time-cap');
    expect(stopReason({ samplesMs: Array(50).fill(1).map((x, i) => x + (i % 7)), visits: 3, spentMs: 1 }, rule)).toBe('max-samples');
  });

  it('stops on a tight CI only once the visits agree within ±2 targets of the pooled median', () => {
    // 20 samples at 10 ms, then a visit of 4 at 13 ms: the pooled CI is tight around 10.
    const twoLevels = [...Array.from({ length: 20 }, (_, i) => 10 + (i % 3) * 0.05), 13, 13.1, 12.9, 13];
    expect(stopReason({ samplesMs: twoLevels, visits: 2, spentMs: 60 }, rule)).toBe('ci-reached');
    expect(stopReason({ samplesMs: twoLevels, visits: 2, spentMs: 60, visitStarts: [0, 20] }, rule)).toBeUndefined();
    expect(stopReason({ samplesMs: twoLevels, visits: 2, spentMs: 100, visitStarts: [0, 20] }, rule)).toBe('time-cap');
    // A second visit 3% up is within ±4%.
    const close = [...twoLevels.slice(0, 20), 10.3, 10.35, 10.3, 10.3];
    expect(stopReason({ samplesMs: close, visits: 2, spentMs: 60, visitStarts: [0, 20] }, rule)).toBe('ci-reached');
  });

  it('compares only visits with three samples or more', () => {
    expect(visitMedians({ samplesMs: [1, 2, 3, 9, 5, 5, 6], visitStarts: [0, 3, 4] })).toEqual([2, 5]);
    // The 13 ms visit has two samples: too few to hold the point open, and too few to count as one of the two visits.
    const tail = [...Array.from({ length: 20 }, (_, i) => 10 + (i % 3) * 0.05), 13, 13];
    expect(stopReason({ samplesMs: tail, visits: 3, spentMs: 60, visitStarts: [0, 10, 20] }, rule)).toBe('ci-reached');
    expect(stopReason({ samplesMs: tail, visits: 2, spentMs: 60, visitStarts: [0, 20] }, rule)).toBeUndefined();
  });

  it('needs six samples for a CI even when they agree', () => {
    expect(stopReason({ samplesMs: [5, 5, 5, 5, 5], visits: 2, spentMs: 25 }, rule)).toBeUndefined();
  });

  it('calls a warm-up stable when the last three runs agree within 5%', () => {
    expect(isWarm([50, 20, 10.2, 10, 9.9], 0)).toBe(true);
    expect(isWarm([50, 20, 12, 10, 9.9], 0)).toBe(false);
    expect(isWarm([10, 10], 0)).toBe(false);
    expect(isWarm([10, 10, 10], 4)).toBe(false);
  });
});

describe('outliers and modes', () => {
  it('counts samples beyond the far fences and keeps them', () => {
    const xs = sorted([10, 10.1, 10.2, 9.9, 9.8, 10, 10.1, 30, 2]);
    const out = countOutliers(xs);
    expect(out).toMatchObject({ low: 1, high: 1 });
    expect(out.fences[0]).toBeGreaterThan(2);
    expect(out.fences[1]).toBeLessThan(30);
  });

  it('finds the two populations of a bimodal point (6.5 ms and 10.7 ms)', () => {
    const rng = createRng(3);
    const xs = sorted([
      ...Array.from({ length: 12 }, () => 6.5 * (1 + 0.01 * rng.normal())),
      ...Array.from({ length: 9 }, () => 10.7 * (1 + 0.01 * rng.normal())),
    ]);
    const modes = findModes(xs);
    expect(modes).toHaveLength(2);
    expect(modes[0]!.centerMs).toBeCloseTo(6.5, 0);
    expect(modes[1]!.centerMs).toBeCloseTo(10.7, 0);
    expect(modes.map((m) => m.count)).toEqual([12, 9]);
  });

  it('sees one mode in a skewed unimodal sample and in a tail of a few stragglers', () => {
    const rng = createRng(5);
    const skewed = sorted(Array.from({ length: 40 }, () => 10 * Math.exp(0.15 * Math.abs(rng.normal()))));
    expect(findModes(skewed)).toHaveLength(1);
    const stragglers = sorted([...Array(30).fill(10).map((x, i) => x + i * 0.01), 14, 19]);
    expect(findModes(stragglers)).toHaveLength(1);
    expect(findModes([1, 2, 3])).toEqual([{ centerMs: 2, count: 3 }]);
  });
});
