import { describe, expect, it } from 'vitest';
import { fixturePoint, fixtureRun, FIXTURE_LENGTHS, LINEAR, QUADRATIC } from '../../../src-renderer/charts/fixture-run.js';
import type { Scaling } from '../core/mixer.js';
import type { Crossover, Fit, PointRecord } from '../record/schema.js';
import { findingsOf, type Finding, type FindingKind } from './index.js';
import { intervalOf } from './text.js';

const SCALING: Record<string, Scaling> = {
  'softmax-attention.materialized': 'quadratic',
  'softmax-attention.fused': 'quadratic',
  'linear-attention.recurrent': 'linear',
  'linear-attention.chunked': 'linear',
};
const options = { scaling: (mixer: string, form: string) => SCALING[`${mixer}.${form}`] };
const one = (findings: Finding[], kind: FindingKind): Finding => {
  const found = findings.filter((f) => f.kind === kind);
  expect(found, kind).toHaveLength(1);
  return found[0]!;
};

describe('findingsOf', () => {
  const live = fixtureRun();

  it('names the fastest form of each mixer at its longest L, linked to the fastest-form strip', () => {
    const fastest = one(findingsOf(live, options), 'fastest');
    expect(fastest.chart).toBe('fastest');
    expect(fastest.text).toBe('Fastest form of each mixer at the longest L it reached on js: softmax-attention materialized and linear-attention recurrent.');
    expect(fastest.details[1]).toBe('linear-attention: recurrent is fastest at L = 512 (13.1 ms; the only form measured there).');
  });

  it('gives the ratio to the runner-up when a mixer has two forms', () => {
    const fused = { ...QUADRATIC, form: 'fused', coefficient: 0.5e-4 };
    const run = { ...live, points: [...live.points, ...FIXTURE_LENGTHS.map((L) => fixturePoint(fused, L))] };
    expect(one(findingsOf(run, options), 'fastest').details[0]).toBe('softmax-attention: fused is fastest at L = 512 (13.1 ms, 2.0× ahead of materialized).');
  });

  it('finds where the linear form overtakes softmax from the live points (t = c·L^k cross at L = 256)', () => {
    const crossover = one(findingsOf(live, options), 'crossover');
    expect(crossover.chart).toBe('crossovers');
    expect(crossover.text).toBe('Against softmax attention on js: 1 linear-time form overtakes softmax attention, from L ≈ 256 (linear-attention.recurrent).');
    // The engine's analysis gives the crossover an interval from the points' samples.
    expect(crossover.details).toHaveLength(1);
    expect(crossover.details[0]).toMatch(/^linear-attention\.recurrent overtakes softmax attention from L ≈ 256 \(95% CI \d+–\d+(, wide)?\) \(its materialized form is the last beaten\)\.$/);
    expect(crossover.curves).toEqual(['linear-attention.recurrent · js']);
  });

  it("quotes a saved crossover's confidence interval when the record has one", () => {
    const saved = { backend: 'js', faster: { mixer: LINEAR.mixer, form: LINEAR.form }, slower: { mixer: QUADRATIC.mixer, form: QUADRATIC.form }, status: 'crosses', L: 250, ci: { lo: 200, hi: 310, level: 0.95, agreement: 1 } } as Crossover;
    const details = one(findingsOf({ ...live, crossovers: [saved] }, options), 'crossover').details;
    expect(details[0]).toContain('from L ≈ 250 (95% CI 200–310)');
    const open = { ...saved, ci: { lo: 180, hi: null, level: 0.95, agreement: 0.8 }, wide: true } as Crossover;
    expect(one(findingsOf({ ...live, crossovers: [open] }, options), 'crossover').details[0]).toContain('from L ≈ 250 (95% CI 180–open, wide)');
  });

  it('says when a linear form never overtakes, and leaves quadratic forms out', () => {
    const slow = { ...LINEAR, coefficient: 1 };
    const run = { ...live, points: [...live.points.filter((p: PointRecord) => p.mixer !== LINEAR.mixer), ...FIXTURE_LENGTHS.map((L) => fixturePoint(slow, L))] };
    const crossover = one(findingsOf(run, options), 'crossover');
    expect(crossover.text).toBe('Against softmax attention on js: 1 form does not overtake it up to L = 512.');
    expect(findingsOf(run, { scaling: () => 'quadratic' }).filter((f) => f.kind === 'crossover')).toEqual([]);
  });

  it('reports the largest L each form reached and why it stopped', () => {
    expect(one(findingsOf(live, options), 'reach').text).toBe('Every form reached the longest length, L = 512.');
    const over = fixturePoint(QUADRATIC, 1024, { status: 'over-budget', stats: null, reason: 'predicted 6.1 s, over the 5 s budget' });
    const run = { ...live, settings: { ...live.settings, lengths: [...FIXTURE_LENGTHS, 1024] }, points: [...live.points, over, fixturePoint(LINEAR, 1024)] };
    const reach = one(findingsOf(run, options), 'reach');
    expect(reach.text).toBe('1 form of 2 reached the longest length, L = 1024; the largest L reached by the others is L = 512.');
    expect(reach.details).toEqual(['softmax-attention.materialized · js stopped at L = 512 (L = 1024 over budget: predicted 6.1 s, over the 5 s budget).']);
  });

  it('names forms whose error comes near the tolerance, and those over it', () => {
    expect(one(findingsOf(live, options), 'equivalence').text).toBe("Every form's error stays under a tenth of its tolerance (closest: softmax-attention.materialized · js, 0.1%).");
    const near = fixturePoint(LINEAR, 1024, { error: { maxAbs: 1e-4, relative: 5e-5, tolerance: 1e-4, pass: true } });
    const over = fixturePoint(QUADRATIC, 1024, { error: { maxAbs: 1e-3, relative: 3e-4, tolerance: 1e-4, pass: false } });
    const equivalence = one(findingsOf({ ...live, points: [...live.points, near, over] }, options), 'equivalence');
    expect(equivalence.text).toBe('2 forms come within a factor of ten of the error tolerance, 1 over it: softmax-attention.materialized · js and linear-attention.recurrent · js.');
    expect(equivalence.details[1]).toBe('linear-attention.recurrent · js: relative error 5.0e-5 at L = 1024, 50% of the tolerance 1e-4.');
  });

  it('judges fitted exponents against the declared scaling, the tail fit first', () => {
    expect(one(findingsOf(live, options), 'exponent').text).toBe("Every fitted exponent lies within 0.3 of its form's declared scaling (2 fits).");
    const fits: Fit[] = [
      { mixer: QUADRATIC.mixer, form: QUADRATIC.form, backend: 'js', expected: 'quadratic', exponent: 1.29, intercept: 0, r2: 1, points: 4, tail: { exponent: 1.94, r2: 1, fromL: 256 } },
      { mixer: LINEAR.mixer, form: LINEAR.form, backend: 'js', expected: 'linear', exponent: 0.5, intercept: 0, r2: 1, points: 4, ci: [0.4, 0.62] } as unknown as Fit,
    ];
    const exponent = one(findingsOf({ ...live, fits }), 'exponent');
    expect(exponent.text).toBe('1 fit of 2 is far from the declared scaling: linear-attention.recurrent · js grows as L^0.50, declared L.');
    expect(exponent.details).toEqual(['linear-attention.recurrent · js: L^0.50 (95% CI 0.40–0.62) over all lengths; declared L.']);
  });

  it('has nothing to say before the first point', () => {
    expect(findingsOf({ ...live, points: [] }, options)).toEqual([]);
  });
});

describe('intervalOf', () => {
  it('reads the shapes a confidence interval may take, and nothing else', () => {
    expect(intervalOf({ ci: { lo: 1, hi: 2 } })).toEqual({ lo: 1, hi: 2 });
    expect(intervalOf({ ci: [1, 2] })).toEqual({ lo: 1, hi: 2 });
    expect(intervalOf({ ci: { lower: 1, upper: 2 } })).toEqual({ lo: 1, hi: 2 });
    expect(intervalOf({ ci: { lo: 1 } })).toBeUndefined();
    expect(intervalOf({})).toBeUndefined();
  });
});
