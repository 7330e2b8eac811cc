/**
 * Throughput and roofline, side by side. Left: tokens/s (B·H·L per median sample) vs L. Right: the
 * roofline: achieved GFLOP/s against arithmetic intensity (cost-model FLOPs per byte moved), under
 * the calibrated roof min(peak matmul rate, copy bandwidth × intensity) of each backend.
 */
import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { describeChange, driftExceeds } from '@engine/record/drift.js';
import type { Calibration } from '@engine/record/environment.js';
import { lengthAxis, logAxis, titled } from './axes.js';
import { legendFor, sideBySide } from './layout.js';
import type { ChartRun } from './chart-run.js';
import { groupCurves, isOk } from './curves.js';
import { formatNumber } from './format.js';
import type { ChartOption, ChartSeries } from './option.js';
import { pointRef } from './point-ref.js';
import { itemTooltip } from './tooltip.js';

const ROOF_SAMPLES = 24;

/** The end probe (record v7): the peak at the end of the run, and a warning where the machine's speed changed under it. */
function driftNote(c: Calibration): string {
  if (!c.end || c.drift === undefined) return '';
  return `; at the end ${formatNumber(c.end.peakMatmulGflops)} GFLOP/s (${describeChange(c.drift)}${driftExceeds(c) ? ": the machine's speed changed under the run" : ''})`;
}

function roofSeries(run: ChartRun, intensities: readonly number[]): LineSeriesOption[] {
  if (intensities.length === 0) return [];
  const lo = Math.min(...intensities) / 4;
  const hi = Math.max(...intensities) * 4;
  return (run.calibration ?? [])
    .filter((c) => c.dtype === run.settings.dtype)
    .map((c) => {
      const xs = Array.from({ length: ROOF_SAMPLES }, (_, i) => lo * (hi / lo) ** (i / (ROOF_SAMPLES - 1)));
      return {
        type: 'line',
        name: `roof ${c.backend}: ${formatNumber(c.peakMatmulGflops)} GFLOP/s, ${formatNumber(c.copyGBs)} GB/s${driftNote(c)}`,
        xAxisIndex: 1,
        yAxisIndex: 1,
        symbol: 'none',
        color: '#444444',
        lineStyle: { type: 'dashed', width: 1.5 },
        tooltip: { show: false },
        data: xs.map((x) => [x, Math.min(c.peakMatmulGflops, c.copyGBs * x)]),
      };
    });
}

export function buildThroughputChart(run: ChartRun): ChartOption {
  const curves = groupCurves(run.points, (p) => isOk(p) && p.achieved !== null);
  const series: ChartSeries[] = [];
  const intensities: number[] = [];
  for (const curve of curves) {
    series.push({
      type: 'line',
      name: curve.key,
      color: curve.color,
      xAxisIndex: 0,
      yAxisIndex: 0,
      data: curve.points.map((p) => ({ value: [p.L, p.achieved?.tokensPerSecond ?? 0, p.achieved?.gflops ?? 0], ref: pointRef(p) })),
    });
    const roofline: ScatterSeriesOption = {
      type: 'scatter',
      name: curve.key,
      color: curve.color,
      xAxisIndex: 1,
      yAxisIndex: 1,
      data: curve.points
        .filter((p) => p.cost !== null && p.cost.movedBytes > 0 && (p.achieved?.gflops ?? 0) > 0)
        .map((p) => {
          const intensity = (p.cost?.flops ?? 0) / (p.cost?.movedBytes ?? 1);
          intensities.push(intensity);
          return { value: [intensity, p.achieved?.gflops ?? 0, p.L, p.rooflineFraction ?? Number.NaN], ref: pointRef(p) };
        }),
    };
    series.push(roofline);
  }
  series.push(...roofSeries(run, intensities));
  const calibrated = (run.calibration ?? []).length > 0;
  const layout = sideBySide(series, ['tokens per second', 'achieved vs calibrated peak']);
  return {
    title: [
      titled('Throughput and roofline', calibrated ? 'dashed: calibrated roof of each backend' : 'no calibration in this run: roofs not drawn'),
      ...layout.captions,
    ],
    legend: legendFor(series),
    grid: layout.grids,
    tooltip: {
      trigger: 'item',
      formatter: itemTooltip([
        ['x', formatNumber],
        ['y', formatNumber],
        ['L / GFLOP/s', formatNumber],
        ['fraction of roof', formatNumber],
      ]),
    },
    xAxis: [lengthAxis(0), logAxis('arithmetic intensity (FLOP/byte)', 1)],
    yAxis: [logAxis('tokens/s', 0), logAxis('GFLOP/s', 1)],
    series,
  };
}
