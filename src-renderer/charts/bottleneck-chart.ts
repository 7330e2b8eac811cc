/**
 * Bottleneck sizes: the state or score object of each form, per head, in bytes vs L (MIXERS.md,
 * "Memory and bottleneck conventions"), next to the reference objects L×L, d×d_v, 2·L·d (KV cache),
 * N×P and r·D, with the crossover L = d where L×L and d×d meet (§2).
 */
import type { LineSeriesOption } from 'echarts/charts';
import { BYTES_PER_ELEMENT } from '@engine/core/tensor.js';
import { lengthAxis, logAxis, roomyLogMin, titled } from './axes.js';
import { legendFor, singleGrid } from './layout.js';
import type { ChartRun } from './chart-run.js';
import { groupCurves } from './curves.js';
import { formatBytes } from './format.js';
import type { ChartOption } from './option.js';
import { pointRef } from './point-ref.js';
import { itemTooltip } from './tooltip.js';

interface Reference {
  readonly name: string;
  /** The end-of-line label. */
  readonly short: string;
  readonly elements: (L: number) => number;
}

function references(d: number, dv: number, state: number): Reference[] {
  return [
    { name: 'L×L scores', short: 'L×L', elements: (L) => L * L },
    { name: `d×d_v state (${d}×${dv})`, short: 'd×d_v', elements: () => d * dv },
    { name: '2·L·d KV cache', short: '2·L·d', elements: (L) => 2 * L * d },
    { name: `N×P state (${state}×${dv})`, short: 'N×P', elements: () => state * dv },
    { name: `r·D state (${state}·${d})`, short: 'r·D', elements: () => state * d },
  ];
}

/** References of equal size at every L (d×d_v = N×P when N = d) are one line named for all of them. */
function mergeEqual(refs: readonly Reference[], lengths: readonly number[]): Reference[] {
  const merged: Reference[] = [];
  for (const ref of refs) {
    const i = merged.findIndex((m) => lengths.every((L) => m.elements(L) === ref.elements(L)));
    const twin = merged[i];
    if (twin) merged[i] = { name: `${twin.name} = ${ref.name}`, short: `${twin.short} = ${ref.short}`, elements: twin.elements };
    else merged.push(ref);
  }
  return merged;
}

export function buildBottleneckChart(run: ChartRun): ChartOption {
  const { d, dv, state, dtype, batch, heads } = run.settings;
  const bytes = BYTES_PER_ELEMENT[dtype];
  const perHead = batch * heads;
  // Per-head sizes: the record's cost is summed over B·H.
  const curves = groupCurves(run.points, (p) => p.cost !== null, false);
  const lengths = [...new Set(run.points.map((p) => p.L))].sort((a, b) => a - b);
  const series: LineSeriesOption[] = curves.map((curve) => ({
    type: 'line',
    name: curve.key,
    color: curve.color,
    data: curve.points.map((p) => ({ value: [p.L, (p.cost?.bottleneck.bytes ?? 0) / perHead], ref: pointRef(p), note: p.cost?.bottleneck.name })),
  }));
  // The axis reaches past L = d on both sides, so the crossover line stands inside the plot.
  const span = [Math.min(lengths[0] ?? d, d / 2), Math.max(lengths[lengths.length - 1] ?? d, 2 * d)];
  const grid = [...new Set([...lengths, ...span])].sort((a, b) => a - b);
  for (const ref of mergeEqual(references(d, dv, state), grid)) {
    series.push({
      type: 'line',
      name: ref.name,
      color: '#888888',
      symbol: 'none',
      lineStyle: { type: 'dotted', width: 1 },
      data: grid.map((L) => ({ value: [L, ref.elements(L) * bytes] })),
      endLabel: { show: true, formatter: ref.short, color: '#666666', fontSize: 10 },
    });
  }
  const first = series[0];
  if (first) {
    first.markLine = {
      symbol: 'none',
      silent: true,
      lineStyle: { color: '#b2182b', type: 'dashed' },
      label: { formatter: `L = d = ${d}: L×L = d×d`, color: '#b2182b', position: 'insideStartTop' },
      data: [{ xAxis: d }],
    };
  }
  return {
    title: titled('Bottleneck size vs L', `state or score object per head, ${dtype}; dotted: reference objects`),
    legend: legendFor(series),
    grid: { ...singleGrid(series), right: 110 },
    tooltip: { trigger: 'item', formatter: itemTooltip([['L', String], ['bytes', formatBytes]]) },
    xAxis: lengthAxis(),
    yAxis: { ...logAxis('bytes per head'), min: roomyLogMin },
    series,
  };
}
