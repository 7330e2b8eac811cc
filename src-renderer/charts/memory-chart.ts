/**
 * Memory vs L, side by side: left what the backend actually allocated, right the form's cost-model
 * peak (MIXERS.md, "Memory and bottleneck conventions": the two must agree on GPU backends).
 */
import type { LineSeriesOption } from 'echarts/charts';
import { lengthAxis, logAxis, titled } from './axes.js';
import { legendFor, sideBySide } from './layout.js';
import type { ChartRun } from './chart-run.js';
import { groupCurves, isOk } from './curves.js';
import { formatBytes } from './format.js';
import type { ChartOption } from './option.js';
import { pointRef } from './point-ref.js';
import { itemTooltip } from './tooltip.js';

export function buildMemoryChart(run: ChartRun): ChartOption {
  const curves = groupCurves(run.points, isOk);
  const series: LineSeriesOption[] = [];
  for (const curve of curves) {
    const allocated = curve.points.filter((p) => p.allocatedBytes !== null && p.allocatedBytes > 0);
    const modelled = curve.points.filter((p) => p.cost !== null && p.cost.peakBytes > 0);
    series.push(
      {
        type: 'line',
        name: curve.key,
        color: curve.color,
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: allocated.map((p) => ({ value: [p.L, p.allocatedBytes ?? 0, p.cost?.peakBytes ?? Number.NaN], ref: pointRef(p) })),
      },
      {
        type: 'line',
        name: curve.key,
        color: curve.color,
        xAxisIndex: 1,
        yAxisIndex: 1,
        lineStyle: { type: 'dashed' },
        data: modelled.map((p) => ({ value: [p.L, p.cost?.peakBytes ?? 0, p.allocatedBytes ?? Number.NaN], ref: pointRef(p), note: p.cost?.buffers.map((b) => `${b.name} ${formatBytes(b.bytes)}`).join(', ') })),
      },
    );
  }
  const layout = sideBySide(series, ['allocated by the backend', 'cost model: peak live buffers']);
  return {
    title: [
      titled('Memory vs L', `${run.settings.dtype}, B·H = ${run.settings.batch * run.settings.heads}`),
      ...layout.captions,
    ],
    legend: legendFor(series),
    grid: layout.grids,
    tooltip: {
      trigger: 'item',
      formatter: itemTooltip([
        ['L', String],
        ['bytes', formatBytes],
        ['other panel', formatBytes],
      ]),
    },
    xAxis: [lengthAxis(0), lengthAxis(1)],
    yAxis: [logAxis('bytes', 0), logAxis('bytes', 1)],
    series,
  };
}
