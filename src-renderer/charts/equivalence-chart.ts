/**
 * Equivalence: the relative error max |Y − Y_ref| / max |Y_ref| of each form against the mixer's
 * float64 reference, per point — the quantity the tolerance of the run's dtype (dashed) bounds. Forms of one mixer that compute the same output
 * sit together below the line (MIXERS.md: "that equality is a test, and showing it is a feature").
 */
import type { LineSeriesOption } from 'echarts/charts';
import { lengthAxis, logAxis, titled } from './axes.js';
import { legendFor, singleGrid } from './layout.js';
import type { ChartRun } from './chart-run.js';
import { groupCurves } from './curves.js';
import type { ChartOption } from './option.js';
import { pointRef } from './point-ref.js';
import { itemTooltip } from './tooltip.js';

/** A log axis cannot show 0: an exact match is drawn at this floor and the tooltip says "exact". */
export const EXACT_FLOOR = 1e-17;

export function buildEquivalenceChart(run: ChartRun): ChartOption {
  const curves = groupCurves(run.points, (p) => p.error !== null);
  const series: LineSeriesOption[] = curves.map((curve) => ({
    type: 'line',
    name: curve.key,
    color: curve.color,
    data: curve.points.map((p) => {
      const e = p.error!;
      const shown = e.relative === null ? Number.NaN : Math.max(e.relative, EXACT_FLOOR);
      const note = e.relative === null ? 'output held NaN' : e.maxAbs === 0 ? 'exact match' : e.pass ? 'within tolerance' : 'OVER tolerance';
      return { value: [p.L, shown, e.maxAbs ?? Number.NaN, e.tolerance], ref: pointRef(p), note, symbol: e.pass ? 'circle' : 'triangle' };
    }),
  }));
  // A line series, not a markLine: ECharts does not draw a markLine at a y value on a log y axis.
  const tolerances = [...new Set(run.points.flatMap((p) => (p.error ? [p.error.tolerance] : [])))];
  const lengths = run.points.map((p) => p.L);
  for (const t of lengths.length > 0 ? tolerances : []) {
    series.push({
      type: 'line',
      name: `tolerance ${t.toExponential(0)}`,
      color: '#b2182b',
      symbol: 'none',
      lineStyle: { type: 'dashed', width: 1 },
      tooltip: { show: false },
      silent: true,
      data: [
        [Math.min(...lengths), t],
        [Math.max(...lengths), t],
      ],
    });
  }
  return {
    title: titled('Equivalence with the float64 reference', `max |Y − Y_ref| / max |Y_ref| per point, ${run.settings.dtype}; dashed: tolerance`),
    legend: legendFor(series),
    grid: singleGrid(series),
    tooltip: {
      trigger: 'item',
      formatter: itemTooltip([
        ['L', String],
        ['relative error', (v) => (v <= EXACT_FLOOR ? '0 (exact)' : v.toExponential(3))],
        ['max abs error', (v) => v.toExponential(3)],
        ['tolerance', (v) => v.toExponential(1)],
      ]),
    },
    xAxis: lengthAxis(),
    yAxis: logAxis('relative error'),
    series,
  };
}
