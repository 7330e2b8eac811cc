/**
 * Time vs L as small multiples: one panel per mixer with its forms, every panel on the same log
 * axes (so heights compare across panels), and the softmax-attention baseline drawn faintly in
 * each other panel to read every form against. The overlay chart (time-chart.ts) is the other view.
 */
import type { LineSeriesOption } from 'echarts/charts';
import { BASELINE_MIXER } from '@engine/sweep/analysis.js';
import { lengthAxis, logAxis, titled } from './axes.js';
import type { ChartRun } from './chart-run.js';
import { groupCurves } from './curves.js';
import type { ChartOption, ChartSeries } from './option.js';
import { isTimed, TIME_TOOLTIP, timeCurveSeries } from './time-chart.js';

export interface TimeExtent {
  readonly L: readonly [number, number];
  readonly ms: readonly [number, number];
}

/** Mixers with at least one timed point, in the order they were measured. */
export function timePanelMixers(run: Pick<ChartRun, 'points'>): string[] {
  return [...new Set(run.points.filter(isTimed).map((p) => p.mixer))];
}

/** The axes every panel shares: L over the measured lengths, time over whole decades of p10…p90. */
export function timeExtent(run: Pick<ChartRun, 'points'>): TimeExtent | undefined {
  const timed = run.points.filter(isTimed);
  if (timed.length === 0) return undefined;
  const lengths = timed.map((p) => p.L);
  const lo = Math.min(...timed.map((p) => p.stats!.p10).filter((x) => x > 0));
  const hi = Math.max(...timed.map((p) => p.stats!.p90));
  return {
    L: [Math.min(...lengths), Math.max(...lengths)],
    ms: [10 ** Math.floor(Math.log10(lo)), 10 ** Math.ceil(Math.log10(hi))],
  };
}

/** The faint baseline lines: every softmax-attention form, no band, no symbols, not clickable. */
export function baselineSeries(baseline: Pick<ChartRun, 'points'>): LineSeriesOption[] {
  return groupCurves(baseline.points, (p) => isTimed(p) && p.mixer === BASELINE_MIXER).map((curve) => ({
    type: 'line',
    name: `baseline · ${curve.key}`,
    color: '#8a8a8a',
    symbol: 'none',
    silent: true,
    lineStyle: { width: 1.5, type: 'dashed', opacity: 0.7 },
    tooltip: { show: false },
    z: 1,
    data: curve.points.map((p) => [p.L, p.stats!.p50]),
  }));
}

export interface TimePanelOptions {
  readonly extent: TimeExtent;
  /** Where the baseline's points come from (the unfiltered run: a reference, not a filtered curve). */
  readonly baseline?: Pick<ChartRun, 'points'>;
}

export function buildTimePanel(run: ChartRun, mixer: string, options: TimePanelOptions): ChartOption {
  // Colours by curve across the whole run, so a form keeps its colour in every chart.
  const curves = groupCurves(run.points, isTimed).filter((c) => c.mixer === mixer);
  const series: ChartSeries[] = timeCurveSeries(run, curves);
  if (mixer !== BASELINE_MIXER && options.baseline) series.unshift(...baselineSeries(options.baseline));
  const legendNames = curves.map((c) => String(series.find((s) => String(s.name).startsWith(c.key))?.name ?? c.key));
  const { L, ms } = options.extent;
  return {
    title: titled(mixer),
    legend: {
      type: 'plain',
      top: 24,
      left: 10,
      right: 10,
      data: legendNames,
      textStyle: { fontSize: 11 },
      // The panel names the mixer: the legend needs only the form, backend and exponent.
      formatter: (name: string) => name.slice(mixer.length + 1),
    },
    grid: { left: 58, right: 16, top: 28 + 20 * Math.ceil(legendNames.length / 2), bottom: 44 },
    tooltip: { ...TIME_TOOLTIP },
    xAxis: { ...lengthAxis(), min: L[0], max: L[1], nameGap: 26 },
    yAxis: { ...logAxis('ms per sample'), min: ms[0], max: ms[1], nameGap: 40 },
    series,
  };
}
