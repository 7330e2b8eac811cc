import { describe, expect, it } from 'vitest';
import type { PointRecord } from '../record/point.js';
import type { RunRecord } from '../record/schema.js';
import { compareRuns } from './index.js';
import { syntheticRun } from './synthetic.js';

const LENGTHS = [128, 256, 512, 1024];
const FORMS = new Set(['softmax-attention/materialized', 'softmax-attention/fused', 'linear-attention/recurrent']);

function run(id: string, seed: number, factor?: (m: string, f: string, L: number) => number): RunRecord {
  const r = syntheticRun({ id, seed, lengths: LENGTHS, maxSamples: 40, ...(factor ? { factor } : {}) });
  return { ...r, points: r.points.filter((p) => FORMS.has(`${p.mixer}/${p.form}`)) };
}

const at = (r: RunRecord, form: string, L: number) => r.points.findIndex((p) => p.form === form && p.L === L);
function patch(r: RunRecord, form: string, L: number, change: Partial<PointRecord>): RunRecord {
  const i = at(r, form, L);
  return { ...r, points: r.points.map((p, j) => (j === i ? { ...p, ...change } : p)) };
}

describe('compareRuns: matching and not-ok points', () => {
  const base = run('base', 1);

  it('lists points without a partner, with the reason, and marks not-ok points not-comparable', () => {
    let other = run('other', 2);
    other = { ...other, points: other.points.filter((p) => !(p.form === 'recurrent' && p.L === 1024)) };
    other = patch(other, 'fused', 512, { dims: { L: 512, d: 32, dv: 64 } });
    other = patch(other, 'materialized', 1024, { status: 'over-budget', reason: 'predicted 9 s over the 2 s budget', samplesMs: [], stats: null });
    other = patch(other, 'materialized', 512, { error: { maxAbs: 1, relative: 0.5, tolerance: 1e-4, pass: false } });
    const c = compareRuns([base, other], { labels: ['a.json', 'b.json'] });
    expect(c.unmatched).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ run: 'base', runIndex: 0, form: 'recurrent', L: 1024, why: 'b.json did not reach L = 1024 on js' }),
        expect.objectContaining({ run: 'base', form: 'fused', L: 512, why: expect.stringMatching(/other sizes/) }),
        expect.objectContaining({ run: 'other', runIndex: 1, form: 'fused', L: 512, why: expect.stringMatching(/a.json ran .* other sizes/) }),
      ]),
    );
    expect(c.unmatched).toHaveLength(3);
    expect(c.rows).toHaveLength(base.points.length - 2);
    const row = (form: string, L: number) => c.rows.find((r) => r.form === form && r.L === L)!;
    expect(row('materialized', 1024)).toMatchObject({ verdict: 'not-comparable', reason: 'other point is over-budget: predicted 9 s over the 2 s budget', ci: null, p: null, q: null });
    expect(row('materialized', 512)).toMatchObject({ verdict: 'not-comparable', reason: expect.stringMatching(/^other point failed verification \(relative error 0.500/) });
    expect(c.summary.counts['not-comparable']).toBe(2);
    // Curve frontier: the other run stopped at 512 on the over-budget point.
    const curve = c.curves.series.find((s) => s.form === 'materialized')!;
    expect(curve.baseline).toEqual({ maxL: 1024, stoppedBy: 'end-of-range', reason: null });
    expect(curve.other).toEqual({ maxL: 512, stoppedBy: 'over-budget', reason: 'predicted 9 s over the 2 s budget' });
  });

  it('pairs two backends of one record with --pair', () => {
    const js = run('one', 3);
    const ref = run('one', 4, () => 3).points.map((p) => ({ ...p, backend: 'reference' as const }));
    const both: RunRecord = { ...js, points: [...js.points, ...ref] };
    const c = compareRuns([both], { pair: { baseline: 'js', other: 'reference' }, labels: ['run.json'] });
    expect(c.runs.map((r) => r.label)).toEqual(['run.json [js]', 'run.json [reference]']);
    expect(c.options.pairing).toEqual({ mode: 'named', baseline: 'js', other: 'reference' });
    expect(c.rows).toHaveLength(js.points.length);
    expect(c.rows.every((r) => r.baselineBackend === 'js' && r.otherBackend === 'reference')).toBe(true);
    // Three times slower: slower wherever both sides have 5 samples (the slowest point has 3).
    for (const r of c.rows) expect(r.verdict).toBe(Math.min(r.baselineSamples, r.otherSamples) < 5 ? 'insufficient' : 'slower');
    expect(c.summary.counts.slower).toBeGreaterThan(c.rows.length / 2);
    expect(c.unmatched).toEqual([]);
  });

  it('refuses runs with nothing in common and a single run without a pair', () => {
    const elsewhere = { ...run('w', 5), points: run('w', 5).points.map((p) => ({ ...p, backend: 'wgsl' as const })) };
    expect(() => compareRuns([base, elsewhere], { labels: ['a.json', 'b.json'] })).toThrow(/a.json and b.json have no point in common/);
    expect(() => compareRuns([base])).toThrow(/needs two runs/);
    expect(() => compareRuns([base, base], { threshold: -1 })).toThrow(/threshold/);
  });
});

describe('compareRuns: curves and summary', () => {
  it('finds an exponent shift and a moved crossover', () => {
    const base = run('base', 1);
    // The other run's fused form grows one power of L faster: exponent +1, crossovers move.
    const other = run('other', 2, (_m, f, L) => (f === 'fused' ? L / 128 : 1));
    const c = compareRuns([base, other]);
    const fused = c.curves.series.find((s) => s.form === 'fused')!;
    expect(fused.exponentShift!).toBeCloseTo(1, 1);
    const flat = c.curves.series.find((s) => s.form === 'recurrent')!;
    expect(Math.abs(flat.exponentShift!)).toBeLessThan(0.05);
    expect(c.curves.crossovers.length).toBeGreaterThan(0);
    expect(c.curves.crossovers.some((x) => (x.a.form === 'fused' || x.b.form === 'fused') && x.change !== 'unchanged')).toBe(true);
    const worst = c.rows[c.summary.worst!.row]!;
    // The slowest decided row: fused at the largest L where both sides still have 5 samples.
    const decidedFused = c.rows.filter((r) => r.form === 'fused' && r.verdict === 'slower');
    expect(worst).toMatchObject({ form: 'fused', verdict: 'slower', L: Math.max(...decidedFused.map((r) => r.L)) });
    const byForm = c.summary.byForm.find((g) => g.form === 'fused')!;
    // Geomean of L/128 over L = 128…1024 is 8^(1/2).
    expect(byForm.geomean!).toBeCloseTo(Math.sqrt(8), 0);
    expect(c.summary.byRun).toEqual([expect.objectContaining({ run: 'other', runIndex: 1, rows: c.rows.length })]);
  });

  it('grades environment differences', () => {
    const base = run('base', 1);
    const env = base.environment;
    const other: RunRecord = {
      ...run('other', 2),
      environment: {
        ...env,
        app: { ...env.app, version: '0.2.0' },
        cpu: { ...env.cpu, model: 'Another CPU' },
        host: 'page (Chromium)',
        backends: env.backends.map((b) => ({ ...b, adapter: { vendor: 'x', architecture: 'y', device: 'z', description: 'Big GPU', software: false } })),
      },
      settings: { ...base.settings, repetitions: 10 },
    };
    const baseWithAdapter: RunRecord = {
      ...base,
      environment: { ...env, backends: env.backends.map((b) => ({ ...b, adapter: { vendor: 'x', architecture: 'y', device: 'z', description: 'llvmpipe', software: true } })) },
    };
    const c = compareRuns([baseWithAdapter, other]);
    const grade = Object.fromEntries(c.environmentDiff.map((d) => [d.field, d.grade]));
    expect(grade).toEqual({
      'app.version': 'caveat',
      'cpu.model': 'informative',
      host: 'caveat',
      'backend[js].adapter.description': 'informative',
      'backend[js].adapter.software': 'caveat',
      'settings.repetitions': 'caveat',
    });
    expect(c.environmentDiff.find((d) => d.field === 'app.version')!.values).toEqual([
      { run: 'base', value: '0.1.0' },
      { run: 'other', value: '0.2.0' },
    ]);
    expect(compareRuns([base, run('other', 2)]).environmentDiff).toEqual([]);
  });
});
