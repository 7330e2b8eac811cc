/**
 * Time vs L, log-log: the median of each curve with its p10–p90 band, the fitted exponent in the
 * legend, and dashed theory slopes 1 and 2 to read the exponents against.
 */
import type { LineSeriesOption } from 'echarts/charts';
import { lengthAxis, logAxis, titled } from './axes.js';
import { legendFor, singleGrid } from './layout.js';
import { bandSeries } from './band.js';
import type { ChartRun } from './chart-run.js';
import type { PointRecord } from '@engine/record/schema.js';
import { groupCurves, isOk, type Curve } from './curves.js';
import { curveExponent, exponentLabel } from './fits.js';
import { formatMs } from './format.js';
import type { ChartOption, ChartSeries } from './option.js';
import { pointRef } from './point-ref.js';
import { slopeAnchor, slopeLine } from './theory-lines.js';
import { itemTooltip } from './tooltip.js';

/** The median line and p10–p90 band of each curve, named `key  L^k`; `medians` collects every median drawn. */
export function timeCurveSeries(run: ChartRun, curves: readonly Curve[], medians: { L: number; y: number }[] = [], axis = 0): ChartSeries[] {
  const series: ChartSeries[] = [];
  for (const curve of curves) {
    const name = `${curve.key}${exponentLabel(curveExponent(run, curve))}`;
    const data = curve.points.map((p) => {
      const s = p.stats!;
      medians.push({ L: p.L, y: s.p50 });
      const kernel = p.kernelConfig ? { kernel: kernelConfigLabel(p.kernelConfig) } : {};
      return { value: [p.L, s.p50, s.p10, s.p90, s.n], ref: pointRef(p), ...kernel, ...(p.fidelity === 'approximate' ? { note: `approximate kernel: ${p.fidelityNote ?? ''}` } : {}) };
    });
    const line: LineSeriesOption = { type: 'line', name, color: curve.color, data, symbolSize: 6, z: 3, xAxisIndex: axis, yAxisIndex: axis };
    series.push(line, bandSeries(name, curve.color, curve.points.map((p) => ({ x: p.L, lo: p.stats!.p10, hi: p.stats!.p90 })), axis));
  }
  return series;
}

/** 'wgsl-matmul-tile microM=8, depth=16 (autotuned)': the point's kernel configuration (record v5). */
export function kernelConfigLabel(config: NonNullable<PointRecord['kernelConfig']>): string {
  const params = Object.entries(config.params).map(([k, v]) => `${k}=${v}`).join(', ');
  return `${config.kernel}${params ? ` ${params}` : ''} (${config.source})`;
}

/** Points a time chart can draw: measured, with sample statistics. */
export const isTimed = (p: PointRecord): boolean => isOk(p) && p.stats !== null;

export const TIME_TOOLTIP = {
  trigger: 'item',
  formatter: itemTooltip([
    ['L', String],
    ['median', formatMs],
    ['p10', formatMs],
    ['p90', formatMs],
    ['samples', String],
  ]),
} as const;

export function buildTimeChart(run: ChartRun): ChartOption {
  const medians: { L: number; y: number }[] = [];
  const series = timeCurveSeries(run, groupCurves(run.points, isTimed), medians);
  const anchor = slopeAnchor(medians);
  if (anchor) {
    const lengths = medians.map((m) => m.L);
    series.push(slopeLine(1, anchor, lengths), slopeLine(2, anchor, lengths));
  }
  return {
    title: titled('Time vs L', `median per sample (B·H = ${run.settings.batch * run.settings.heads} runs), band p10–p90; legend: fitted exponent`),
    legend: legendFor(series),
    grid: singleGrid(series),
    tooltip: { ...TIME_TOOLTIP },
    xAxis: lengthAxis(),
    yAxis: logAxis('time per sample (ms)'),
    series,
  };
}
