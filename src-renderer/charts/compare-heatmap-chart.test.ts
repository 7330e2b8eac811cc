import { describe, expect, it } from 'vitest';
import { buildCompareHeatmapChart, DIVERGING, heatmapLayout } from './compare-heatmap-chart.js';
import { FIXTURE_COMPARE_LENGTHS, fixtureComparison, HOSTILE_LABEL } from './fixture-comparison.js';
import { seriesSummary } from './series-summary.js';

describe('buildCompareHeatmapChart', () => {
  const comparison = fixtureComparison();
  const option = buildCompareHeatmapChart(comparison);
  const [ratios, grey] = seriesSummary(option);
  const tooltip = (option.tooltip as { formatter: (p: unknown) => string }).formatter;

  it('has one row per curve and one column per L', () => {
    expect(option.yAxis).toMatchObject({ type: 'category', data: ['softmax-attention.materialized · js', 'linear-attention.recurrent · js'] });
    expect(option.xAxis).toMatchObject({ type: 'category', data: FIXTURE_COMPARE_LENGTHS.map(String) });
  });

  it('colours each compared cell by log2 of the ratio, and greys the one that could not be compared', () => {
    expect(ratios!.data.map((c) => (c as { value: number[] }).value)).toEqual([
      [0, 0, 1],
      [1, 0, 1],
      [2, 0, 1],
      [3, 0, 1],
      [0, 1, -1],
      [1, 1, -1],
      [2, 1, -1],
    ]);
    // Past the scale's range, so the visual map paints it grey.
    expect(grey!.data).toEqual([{ value: [3, 1, 4], row: 7, verdict: 'not-comparable' }]);
    // A symmetric diverging scale over the largest |log2 ratio|.
    expect(option.visualMap).toMatchObject({ min: -1, max: 1, dimension: 2, inRange: { color: DIVERGING }, outOfRange: { color: '#d9d9d9' } });
  });

  it('marks each cell with its verdict', () => {
    const first = Array.isArray(option.series) ? option.series[0] : undefined;
    const formatter = (first as { label: { formatter: (p: unknown) => string } }).label.formatter;
    expect(formatter({ data: ratios!.data[0] })).toBe('↑');
    expect(formatter({ data: ratios!.data[4] })).toBe('↓');
    expect(formatter({ data: grey!.data[0] })).toBe('×');
  });

  it('gives the ratio, CI, p, q and both medians in its tooltip', () => {
    const html = tooltip({ data: ratios!.data[1] });
    expect(html).toContain('at L = 128');
    expect(html).toContain('verdict: <b>slower</b>');
    expect(html).toContain('other / baseline: <b>2.000×</b> 2.00× slower');
    expect(html).toContain('95% CI: [1.90, 2.10]');
    expect(html).toContain('p = 2.00e-4, q = 4.00e-4');
    expect(html).toContain('baseline median: 1.638 ms (10 samples)');
    expect(html).toContain('other median: 3.277 ms (10 samples)');
    expect(tooltip({ data: grey!.data[0] })).toContain('not-comparable</b> (other: failed (out of memory))');
  });

  it('names the run in each row when several runs are compared, escaped in the tooltip', () => {
    const three = fixtureComparison();
    three.runs.push({ ...three.runs[1]!, id: 'third', label: 'desktop' });
    three.rows.push({ ...three.rows[0]!, otherRun: 'third', otherRunIndex: 2, ratio: 4, ci: [3.5, 4.5] });
    const layout = heatmapLayout(three);
    expect(layout.curves).toEqual([
      `softmax-attention.materialized · js — ${HOSTILE_LABEL}`,
      `linear-attention.recurrent · js — ${HOSTILE_LABEL}`,
      'softmax-attention.materialized · js — desktop',
    ]);
    const chart = buildCompareHeatmapChart(three);
    expect(chart.visualMap).toMatchObject({ min: -2, max: 2 });
    const html = (chart.tooltip as { formatter: (p: unknown) => string }).formatter({ data: layout.cells[0] });
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img');
  });

  it('keeps its structure', () => {
    expect(JSON.parse(JSON.stringify(option))).toMatchSnapshot();
  });
});
