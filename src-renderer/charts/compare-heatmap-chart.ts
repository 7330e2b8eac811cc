/**
 * The ratio heatmap: one row per compared curve (mixer/form, its backend pair, its run when several
 * are compared), one column per L, colour = log2(other / baseline) on a diverging scale (blue:
 * the other run is faster, red: slower; ColorBrewer RdBu, readable with the common colour
 * blindnesses), and the verdict's mark in each cell. Points that could not be compared are grey.
 * The tooltip gives the exact ratio, its CI, p, q and both medians.
 */
import type { HeatmapSeriesOption } from 'echarts/charts';
import type { Comparison, ComparisonRow } from '@engine/compare/schema.js';
import { titled } from './axes.js';
import { describeRatio, formatCi, formatProbability, formatRatio, pairedCurveLabel, VERDICT_MARKS } from './compare-labels.js';
import { escapeHtml, formatMs } from './format.js';
import type { ChartOption } from './option.js';

/** RdBu, 7 classes: 2× faster … same … 2× slower (and beyond, clamped). */
export const DIVERGING = ['#2166ac', '#67a9cf', '#d1e5f0', '#f7f7f7', '#fddbc7', '#ef8a62', '#b2182b'];
const NOT_COMPARED = '#d9d9d9';
/** The scale spans at least ±log2(1.25), so noise-level ratios stay pale. */
const MIN_SPAN = Math.log2(1.25);

export interface HeatmapCell {
  /** [column (L), row (curve), log2 ratio or null]. */
  readonly value: [number, number, number | null];
  /** Index into `comparison.rows`. */
  readonly row: number;
  readonly verdict: ComparisonRow['verdict'];
}

export interface HeatmapLayout {
  readonly curves: string[];
  readonly lengths: number[];
  readonly cells: HeatmapCell[];
}

export function heatmapLayout(comparison: Comparison): HeatmapLayout {
  const lengths = [...new Set(comparison.rows.map((r) => r.L))].sort((a, b) => a - b);
  const curves: string[] = [];
  const cells: HeatmapCell[] = [];
  const taken = new Set<string>();
  comparison.rows.forEach((row, index) => {
    const curve = pairedCurveLabel(comparison, row);
    let y = curves.indexOf(curve);
    if (y < 0) y = curves.push(curve) - 1;
    const x = lengths.indexOf(row.L);
    // One cell per (curve, L): the first row wins should two share it.
    if (taken.has(`${x}|${y}`)) return;
    taken.add(`${x}|${y}`);
    cells.push({ value: [x, y, row.ratio === null ? null : Math.log2(row.ratio)], row: index, verdict: row.verdict });
  });
  return { curves, lengths, cells };
}

/** The tooltip of one cell: every number from the record, every string escaped. */
export function heatmapTooltip(comparison: Comparison): (params: unknown) => string {
  return (params: unknown) => {
    const cell = (params as { data?: HeatmapCell }).data;
    const row = cell ? comparison.rows[cell.row] : undefined;
    if (!row) return '';
    const lines = [
      `<b>${escapeHtml(pairedCurveLabel(comparison, row))}</b> at L = ${row.L}`,
      `verdict: <b>${escapeHtml(row.verdict)}</b>${row.reason ? ` (${escapeHtml(row.reason)})` : ''}`,
      `other / baseline: <b>${escapeHtml(formatRatio(row.ratio))}</b> ${escapeHtml(describeRatio(row.ratio))}`,
      `${Math.round(comparison.options.confidence * 100)}% CI: ${escapeHtml(formatCi(row.ci))}`,
      `p = ${escapeHtml(formatProbability(row.p))}, q = ${escapeHtml(formatProbability(row.q))}`,
      `baseline median: ${row.baselineMs === null ? '—' : escapeHtml(formatMs(row.baselineMs))} (${row.baselineSamples} samples)`,
      `other median: ${row.otherMs === null ? '—' : escapeHtml(formatMs(row.otherMs))} (${row.otherSamples} samples)`,
    ];
    return lines.join('<br/>');
  };
}

function markOf(params: unknown): string {
  const verdict = (params as { data?: HeatmapCell }).data?.verdict;
  return verdict ? VERDICT_MARKS[verdict] : '';
}

export function buildCompareHeatmapChart(comparison: Comparison): ChartOption {
  const { curves, lengths, cells } = heatmapLayout(comparison);
  const measured = cells.filter((c) => c.value[2] !== null);
  const span = Math.max(MIN_SPAN, ...measured.map((c) => Math.abs(c.value[2] as number)));
  const label = { show: true, formatter: markOf, fontSize: 13, color: '#1a1a1a' };
  const ratioCells: HeatmapSeriesOption = { type: 'heatmap', name: 'log2 ratio', data: measured, label, emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } } };
  // ECharts draws a heatmap only under a visual map: cells with no ratio sit past its range, in grey.
  const outside = 4 * span;
  const greyCells: HeatmapSeriesOption = {
    type: 'heatmap',
    name: 'not compared',
    data: cells.filter((c) => c.value[2] === null).map((c) => ({ ...c, value: [c.value[0], c.value[1], outside] })),
    label,
  };
  // Long curve names need room on the left; the estimate matches the legend's (6.2 px a character).
  const left = Math.min(360, 20 + 6.2 * Math.max(0, ...curves.map((c) => c.length)));
  return {
    title: titled('Other / baseline by L', `colour: log2 ratio (blue faster, red slower); marks: ${Object.entries(VERDICT_MARKS).map(([v, m]) => `${m} ${v}`).join(', ')}`),
    tooltip: { trigger: 'item', formatter: heatmapTooltip(comparison) },
    grid: { left, right: 90, top: 64, bottom: 50 },
    xAxis: { type: 'category', name: 'sequence length L', nameLocation: 'middle', nameGap: 30, data: lengths.map(String), splitArea: { show: true } },
    yAxis: { type: 'category', data: curves, inverse: true, splitArea: { show: true }, axisLabel: { fontSize: 11 } },
    visualMap: {
      type: 'continuous',
      min: -span,
      max: span,
      dimension: 2,
      calculable: false,
      orient: 'vertical',
      right: 10,
      top: 'middle',
      text: ['slower', 'faster'],
      inRange: { color: DIVERGING },
      outOfRange: { color: NOT_COMPARED },
      formatter: (v: unknown) => `${formatRatio(2 ** Number(v))}`,
    },
    series: [ratioCells, greyCells],
  };
}

/** Pixels a heatmap needs to give each curve a readable row (the chart card is sized from it). */
export function heatmapHeight(comparison: Comparison): number {
  return 130 + 22 * heatmapLayout(comparison).curves.length;
}
