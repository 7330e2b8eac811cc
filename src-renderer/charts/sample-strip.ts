/**
 * One point's samples as a strip: every timed sample a dot (wall time, and device time where the
 * backend has timestamp queries), spread vertically so equal times stay visible, with the median
 * and the confidence interval of the median (when the record carries one) or p10–p90 as lines.
 */
import type { ScatterSeriesOption } from 'echarts/charts';
import { intervalOf } from '@engine/findings/index.js';
import type { PointRecord } from '@engine/record/schema.js';
import { formatMs } from './format.js';
import type { ChartOption } from './option.js';

/** A fixed spread in [-0.3, 0.3] (golden-ratio steps): the same point always draws the same strip. */
export function jitter(i: number): number {
  return (((i * 0.618033988749895) % 1) - 0.5) * 0.6;
}

interface Marker {
  readonly label: string;
  readonly x: number;
  readonly dashed: boolean;
}

/** The 95% CI of the point's median: the record's sampling (v3 on), or a `ci` field; none in older records. */
export function medianInterval(point: PointRecord) {
  return intervalOf(point.sampling, 'medianCi') ?? intervalOf(point);
}

/** The median and its interval (or the p10–p90 spread) of the wall-time samples. */
export function sampleMarkers(point: PointRecord): Marker[] {
  if (!point.stats) return [];
  const ci = medianInterval(point);
  const spread = ci ? [{ label: 'CI low', x: ci.lo }, { label: 'CI high', x: ci.hi }] : [{ label: 'p10', x: point.stats.p10 }, { label: 'p90', x: point.stats.p90 }];
  return [{ label: 'median', x: point.stats.p50, dashed: false }, ...spread.map((m) => ({ ...m, dashed: true }))];
}

function strip(name: string, samples: readonly number[], row: number, color: string): ScatterSeriesOption {
  return {
    type: 'scatter',
    name,
    color,
    symbolSize: 7,
    itemStyle: { opacity: 0.75 },
    data: samples.filter((ms) => ms > 0).map((ms, i) => [ms, row + jitter(i), i + 1]),
  };
}

export function buildSampleStrip(point: PointRecord): ChartOption {
  const wall = strip(`wall time (${point.samplesMs.length} samples)`, point.samplesMs, 0, '#0072b2');
  const device = point.gpuSamplesMs.length > 0 ? [strip(`device time (${point.gpuSamplesMs.length} samples)`, point.gpuSamplesMs, 1, '#d55e00')] : [];
  wall.markLine = {
    symbol: 'none',
    silent: true,
    data: sampleMarkers(point).map((m) => ({
      xAxis: m.x,
      lineStyle: { color: '#1d1d1f', type: m.dashed ? 'dashed' : 'solid', width: m.dashed ? 1 : 2 },
      // The median's value on top; the interval's ends named below the axis, where they do not overlap it.
      label: { formatter: m.dashed ? m.label : `median ${formatMs(m.x)}`, color: '#1d1d1f', fontSize: 10, position: m.dashed ? 'start' : 'end' },
    })),
  };
  return {
    grid: { left: 16, right: 24, top: 40, bottom: 50 },
    legend: { top: 4, left: 'center', textStyle: { fontSize: 11 } },
    tooltip: { trigger: 'item', formatter: (p: unknown) => `sample ${(p as { value: number[] }).value[2]}: <b>${formatMs((p as { value: number[] }).value[0] ?? 0)}</b>` },
    // A linear axis fitted to the samples: they usually span far less than a decade.
    xAxis: { type: 'value', name: 'ms per sample', nameLocation: 'middle', nameGap: 26, scale: true, splitLine: { lineStyle: { color: '#e6e6e6' } } },
    yAxis: { type: 'value', min: -0.5, max: device.length > 0 ? 1.5 : 0.5, show: false },
    series: [wall, ...device],
  };
}
