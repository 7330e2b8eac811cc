import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import type { RunRecord } from '../record/schema.js';
import { bootstrapMedianRatio } from '../stats/bootstrap.js';
import { compareRuns, comparisonSchema, parseComparison } from './index.js';
import { lognormalSamples, syntheticRun } from './synthetic.js';

/** A small run: three curves (one quadratic, two linear) at four lengths, 20–60 samples a point. */
const SMALL = { lengths: [128, 256, 512, 1024], maxSamples: 60 } as const;
const FORMS = new Set(['softmax-attention/materialized', 'linear-attention/recurrent', 'ssd/chunked']);

function small(id: string, seed: number, factor?: (m: string, f: string, L: number) => number): RunRecord {
  const run = syntheticRun({ id, seed, ...SMALL, ...(factor ? { factor } : {}) });
  return { ...run, points: run.points.filter((p) => FORMS.has(`${p.mixer}/${p.form}`)).map((p) => ({ ...p, samplesMs: p.samplesMs.slice(0, Math.max(20, Math.min(60, p.samplesMs.length))) })) };
}

describe('compareRuns: known truth', () => {
  const baseline = small('base', 1);

  it.each([
    [2, 'slower'],
    [0.5, 'faster'],
  ] as const)('samples scaled by %s (resampled noise) are %s in every row', (factor, verdict) => {
    const other = small('other', 2, () => factor);
    const c = compareRuns([baseline, other]);
    expect(c.rows).toHaveLength(baseline.points.length);
    for (const row of c.rows) {
      expect(row.verdict).toBe(verdict);
      expect(Math.abs(Math.log(row.ratio! / factor))).toBeLessThan(0.1);
      expect(row.ci![0]).toBeLessThan(row.ratio!);
      expect(row.ci![1]).toBeGreaterThan(row.ratio!);
      expect(row.q!).toBeLessThan(0.05);
    }
    expect(Math.abs(Math.log(c.summary.geomean! / factor))).toBeLessThan(0.02);
    expect(c.summary.counts[verdict]).toBe(c.rows.length);
  });

  it('samples scaled by 1 (resampled noise) are the same', () => {
    const c = compareRuns([baseline, small('other', 3)]);
    expect(c.rows.every((r) => r.verdict === 'same')).toBe(true);
    expect(c.summary.geomean!).toBeCloseTo(1, 1);
  });

  it('a noise-only comparison of a whole quick profile marks at most 5% of rows different after BH', () => {
    const a = syntheticRun({ id: 'a', seed: 11, maxSamples: 200 });
    const b = syntheticRun({ id: 'b', seed: 12, maxSamples: 200 });
    const c = compareRuns([a, b], { resamples: 500 });
    expect(c.rows.length).toBeGreaterThanOrEqual(130);
    const different = c.rows.filter((r) => r.verdict === 'faster' || r.verdict === 'slower').length;
    expect(different / c.rows.length).toBeLessThanOrEqual(0.05);
    // The quick profile's slowest points have 3 samples: too few for a verdict.
    expect(c.rows.filter((r) => r.verdict === 'insufficient').every((r) => Math.min(r.baselineSamples, r.otherSamples) < 5)).toBe(true);
  });

  // 20 samples a side resample directly; 40 and 75 through the median's binomial distribution.
  it.each([20, 40, 75])('the 95 percent bootstrap CI covers the true ratio in at least 95 percent of seeded trials (%i samples a side)', (n) => {
    const rng = createRng(2024 + n);
    let covered = 0;
    const trials = 400;
    for (let t = 0; t < trials; t++) {
      const b = lognormalSamples(rng, n, 1, 0.1);
      const o = lognormalSamples(rng, n, 1.5, 0.1);
      const ci = bootstrapMedianRatio(b, o, { resamples: 1000, confidence: 0.95, rng: createRng(t) })!;
      if (ci[0] <= 1.5 && 1.5 <= ci[1]) covered++;
    }
    expect(covered / trials).toBeGreaterThanOrEqual(0.95);
  });

  it('is reproducible for a seed and valid against its own schema', () => {
    const other = small('other', 2, () => 1.1);
    const a = compareRuns([baseline, other], { seed: 7 });
    expect(compareRuns([baseline, other], { seed: 7 })).toEqual(a);
    expect(compareRuns([baseline, other], { seed: 8 }).rows[0]!.ci).not.toEqual(a.rows[0]!.ci);
    expect(comparisonSchema.parse(JSON.parse(JSON.stringify(a)))).toEqual(a);
    expect(parseComparison(JSON.parse(JSON.stringify(a)))).toEqual(a);
    expect(() => parseComparison({ ...a, version: 2 })).toThrow(/version: this mixscope reads comparison version 1, got 2/);
    expect(() => parseComparison({ ...a, format: 'mixscope-run' })).toThrow(/format: expected 'mixscope-comparison'/);
    expect(() => parseComparison({ ...a, rows: [{ ...a.rows[0], verdict: 'better' }] })).toThrow(/^rows\[0\]\.verdict: /);
    expect(a).toMatchObject({ format: 'mixscope-comparison', version: 1, baseline: 'base', options: { threshold: 0.05, seed: 7, pairing: { mode: 'same-backend' } } });
  });

  it('a threshold wider than the change makes it the same', () => {
    const other = small('other', 2, () => 1.03);
    const narrow = compareRuns([baseline, other], { threshold: 0 });
    const wide = compareRuns([baseline, other], { threshold: 0.2 });
    expect(narrow.rows.some((r) => r.verdict === 'slower')).toBe(true);
    expect(wide.rows.every((r) => r.verdict === 'same' && r.reason === 'CI within ±20.0%')).toBe(true);
  });
});
