/**
 * Focus: S(a) = E|a| / √(E a²) of each mixer's effective attention rows, against L (left) and
 * against ‖q‖ (right), with the closed forms of MIXERS.md ("Attention focus") dashed beside them.
 */
import type { LineSeriesOption } from 'echarts/charts';
import type { FocusCurves } from '@contract/schemas.js';
import { lengthAxis, titled } from './axes.js';
import { legendFor, sideBySide } from './layout.js';
import { colorAt } from './curves.js';
import { formatNumber } from './format.js';
import type { ChartOption } from './option.js';
import { itemTooltip } from './tooltip.js';

function points(x: readonly number[], y: readonly (number | null)[]): number[][] {
  return x.flatMap((xi, i) => {
    const yi = y[i];
    return yi === null || yi === undefined ? [] : [[xi, yi]];
  });
}

export function buildFocusChart(focus: FocusCurves): ChartOption {
  const mixers = [...new Set(focus.curves.map((c) => c.mixer))];
  const series: LineSeriesOption[] = [];
  for (const curve of focus.curves) {
    const axis = curve.axis === 'length' ? 0 : 1;
    const color = colorAt(mixers.indexOf(curve.mixer));
    series.push({ type: 'line', name: curve.mixer, color, xAxisIndex: axis, yAxisIndex: axis, data: points(curve.measured.x, curve.measured.sparsity) });
    if (curve.theory) {
      series.push({
        type: 'line',
        name: `${curve.mixer} theory: ${curve.theory.label}`,
        color,
        xAxisIndex: axis,
        yAxisIndex: axis,
        symbol: 'none',
        lineStyle: { type: 'dashed' },
        data: points(curve.theory.x, curve.theory.sparsity),
      });
    }
  }
  const sAxis = (gridIndex: number) => ({ type: 'value' as const, name: 'S(a)', gridIndex, min: 0, max: 1, nameLocation: 'middle' as const, nameGap: 35 });
  const layout = sideBySide(series, ['S vs L', 'S vs ‖q‖']);
  return {
    title: [
      titled('Focus: S(a) = E|a| / √(E a²)', 'S = 1: a flat row; S → 0: one key dominates. Dashed: closed forms of the theory'),
      ...layout.captions,
    ],
    legend: legendFor(series),
    grid: layout.grids,
    tooltip: { trigger: 'item', formatter: itemTooltip([['x', formatNumber], ['S', (v) => v.toFixed(4)]]) },
    xAxis: [lengthAxis(0), { type: 'value', name: '‖q‖', gridIndex: 1, nameLocation: 'middle', nameGap: 30 }],
    yAxis: [sAxis(0), sAxis(1)],
    series,
  };
}
