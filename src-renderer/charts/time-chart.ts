/**
 * Time vs L, log-log: the median of each curve with its p10–p90 band, the fitted exponent in the
 * legend, and dashed theory slopes 1 and 2 to read the exponents against.
 */
import type { LineSeriesOption } from 'echarts/charts';
import { lengthAxis, logAxis, titled } from './axes.js';
import { legendFor, singleGrid } from './layout.js';
import { bandSeries } from './band.js';
import type { ChartRun } from './chart-run.js';
import { groupCurves, isOk } from './curves.js';
import { curveExponent, exponentLabel } from './fits.js';
import { formatMs } from './format.js';
import type { ChartOption, ChartSeries } from './option.js';
import { slopeAnchor, slopeLine } from './theory-lines.js';
import { itemTooltip } from './tooltip.js';

export function buildTimeChart(run: ChartRun): ChartOption {
  const curves = groupCurves(run.points, (p) => isOk(p) && p.stats !== null);
  const series: ChartSeries[] = [];
  const medians: { L: number; y: number }[] = [];
  for (const curve of curves) {
    const name = `${curve.key}${exponentLabel(curveExponent(run, curve))}`;
    const data = curve.points.map((p) => {
      const s = p.stats!;
      medians.push({ L: p.L, y: s.p50 });
      return { value: [p.L, s.p50, s.p10, s.p90, s.n], ...(p.fidelity === 'approximate' ? { note: `approximate kernel: ${p.fidelityNote ?? ''}` } : {}) };
    });
    const line: LineSeriesOption = { type: 'line', name, color: curve.color, data, symbolSize: 6, z: 3 };
    series.push(line, bandSeries(name, curve.color, curve.points.map((p) => ({ x: p.L, lo: p.stats!.p10, hi: p.stats!.p90 }))));
  }
  const anchor = slopeAnchor(medians);
  if (anchor) {
    const lengths = medians.map((m) => m.L);
    series.push(slopeLine(1, anchor, lengths), slopeLine(2, anchor, lengths));
  }
  return {
    title: titled('Time vs L', `median per sample (B·H = ${run.settings.batch * run.settings.heads} runs), band p10–p90; legend: fitted exponent`),
    legend: legendFor(series),
    grid: singleGrid(series),
    tooltip: {
      trigger: 'item',
      formatter: itemTooltip([
        ['L', String],
        ['median', formatMs],
        ['p10', formatMs],
        ['p90', formatMs],
        ['samples', String],
      ]),
    },
    xAxis: lengthAxis(),
    yAxis: logAxis('time per sample (ms)'),
    series,
  };
}
