import { describe, expect, it } from 'vitest';
import { buildTimeChart, TIME_TOOLTIP } from './time-chart.js';
import { FIXTURE_LENGTHS, fixturePoint, fixtureRun, QUADRATIC } from './fixture-run.js';
import { seriesSummary } from './series-summary.js';
import { values, seriesNamed } from './test-helpers.js';

describe('buildTimeChart', () => {
  const option = buildTimeChart(fixtureRun());

  it('draws one median line and one p10–p90 band per curve, named with the fitted exponent', () => {
    const quad = seriesNamed(option, 'softmax-attention.materialized · js');
    expect(quad.map((s) => [s.name, s.type])).toEqual([
      ['softmax-attention.materialized · js  L^2.00', 'line'],
      ['softmax-attention.materialized · js  L^2.00', 'custom'],
    ]);
    expect(seriesNamed(option, 'linear-attention.recurrent · js')[0]?.name).toBe('linear-attention.recurrent · js  L^1.00');
    expect(values(quad[0]!.data).map((v) => v.slice(0, 2))).toEqual(FIXTURE_LENGTHS.map((L) => [L, 1e-4 * L * L]));
    // Band segments: [L0, p10, p90, L1, p10, p90] between neighbouring lengths.
    expect(quad[1]!.points).toBe(FIXTURE_LENGTHS.length - 1);
  });

  it('prefers the saved fit of a finished record over a live refit', () => {
    const run = { ...fixtureRun(), fits: [{ mixer: QUADRATIC.mixer, form: QUADRATIC.form, backend: 'js' as const, expected: 'quadratic' as const, exponent: 1.5, intercept: 0, r2: 1, points: 4 }] };
    expect(seriesNamed(buildTimeChart(run), 'softmax')[0]?.name).toContain('L^1.50');
  });

  it('adds the saved fit over the upper half of the lengths', () => {
    const fit = { mixer: QUADRATIC.mixer, form: QUADRATIC.form, backend: 'js' as const, expected: 'quadratic' as const, exponent: 1.29, intercept: 0, r2: 1, points: 8 };
    const run = { ...fixtureRun(), fits: [{ ...fit, tail: { exponent: 1.94, r2: 1, fromL: 256 } }] };
    expect(seriesNamed(buildTimeChart(run), 'softmax')[0]?.name).toBe('softmax-attention.materialized · js  L^1.29 (tail 1.94)');
  });

  it('draws dashed theory slopes 1 and 2 over the measured range', () => {
    const slopes = seriesSummary(option).filter((s) => s.name.startsWith('theory'));
    expect(slopes.map((s) => s.name)).toEqual(['theory ∝ L', 'theory ∝ L^2']);
    const [lo, hi] = values(slopes[1]!.data);
    expect(Math.log(hi![1]! / lo![1]!) / Math.log(hi![0]! / lo![0]!)).toBeCloseTo(2, 10);
  });

  it('leaves out points that were not measured', () => {
    const run = fixtureRun();
    const skipped = fixturePoint(QUADRATIC, 1024, { status: 'over-budget', stats: null });
    const withSkip = buildTimeChart({ ...run, points: [...run.points, skipped] });
    expect(seriesNamed(withSkip, 'softmax')[0]?.points).toBe(FIXTURE_LENGTHS.length);
  });

  it("shows a point's kernel configuration in its tooltip", () => {
    const run = fixtureRun();
    const kernelConfig = { kernel: 'wgsl-matmul-tile', params: { microM: 8, depth: 16 }, source: 'cached' as const };
    const points = run.points.map((p) => (p.mixer === QUADRATIC.mixer && p.form === QUADRATIC.form && p.L === FIXTURE_LENGTHS[0] ? { ...p, kernelConfig } : p));
    const series = buildTimeChart({ ...run, points }).series as { name?: string; data?: unknown[] }[];
    const line = series.find((s) => s.name?.startsWith('softmax-attention.materialized · js'))!;
    const [first, second] = line.data as { kernel?: string }[];
    expect(first!.kernel).toBe('wgsl-matmul-tile microM=8, depth=16 (cached)');
    expect(second!.kernel).toBeUndefined();
    expect(TIME_TOOLTIP.formatter({ seriesName: line.name, data: first })).toContain('<br/>kernel: wgsl-matmul-tile microM=8, depth=16 (cached)');
  });

  it('keeps its structure', () => {
    expect(JSON.parse(JSON.stringify(option))).toMatchSnapshot();
  });
});
