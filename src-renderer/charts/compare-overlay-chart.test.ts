import { describe, expect, it } from 'vitest';
import { comparisonSchema } from '@engine/compare/schema.js';
import { buildCompareOverlayChart } from './compare-overlay-chart.js';
import { FIXTURE_COMPARE_LENGTHS, fixtureComparison, HOSTILE_LABEL } from './fixture-comparison.js';
import { seriesSummary } from './series-summary.js';
import { values } from './test-helpers.js';

describe('buildCompareOverlayChart', () => {
  const comparison = fixtureComparison();
  const option = buildCompareOverlayChart(comparison);
  const series = Array.isArray(option.series) ? option.series : [];

  it('is drawn from a valid comparison', () => {
    expect(comparisonSchema.safeParse(comparison).success).toBe(true);
  });

  it('draws each form once per run: the baseline solid, the other run dashed, one colour per form', () => {
    expect(series.map((s) => [s.name, (s as { lineStyle?: { type?: unknown } }).lineStyle?.type, s.color])).toEqual([
      ['softmax-attention.materialized · js — laptop', 'solid', '#0072b2'],
      [`softmax-attention.materialized · js — ${HOSTILE_LABEL}`, 'dashed', '#0072b2'],
      ['linear-attention.recurrent · js — laptop', 'solid', '#d55e00'],
      [`linear-attention.recurrent · js — ${HOSTILE_LABEL}`, 'dashed', '#d55e00'],
    ]);
  });

  it('plots both medians by L, with the ratio on the other run, and leaves out a side with no median', () => {
    const [base, other, linearBase, linearOther] = seriesSummary(option);
    expect(values(base!.data)).toEqual(FIXTURE_COMPARE_LENGTHS.map((L) => [L, 1e-4 * L * L]));
    expect(values(other!.data)).toEqual(FIXTURE_COMPARE_LENGTHS.map((L) => [L, 2e-4 * L * L, 2]));
    expect(linearBase!.points).toBe(4);
    // L = 512 failed in the other run: no median, no point.
    expect(values(linearOther!.data).map((v) => v[0])).toEqual([64, 128, 256]);
  });

  it('escapes run labels in its tooltip', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    const html = formatter({ seriesName: series[1]!.name, data: { value: [64, 0.8192, 2] } });
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('other / baseline: <b>2.000×</b>');
  });

  it('names the two sides of a named backend pair', () => {
    const named = { ...comparison, options: { ...comparison.options, pairing: { mode: 'named' as const, baseline: 'wgsl' as const, other: 'js' as const } } };
    named.rows = named.rows.map((r) => ({ ...r, baselineBackend: 'wgsl' as const }));
    const names = seriesSummary(buildCompareOverlayChart(named)).map((s) => s.name);
    expect(names[0]).toBe('softmax-attention.materialized · wgsl — laptop');
    expect(names[1]).toBe(`softmax-attention.materialized · wgsl → js — ${HOSTILE_LABEL}`);
  });

  it('keeps its structure', () => {
    expect(JSON.parse(JSON.stringify(option))).toMatchSnapshot();
  });
});
