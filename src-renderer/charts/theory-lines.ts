/**
 * Dashed theory slopes on a log-log chart: t ∝ L^k drawn through an anchor point, so a measured
 * curve parallel to the k = 2 line is quadratic (MIXERS.md §1 materialized) and to k = 1 linear.
 */
import type { LineSeriesOption } from 'echarts/charts';

export function slopeLine(exponent: number, anchor: { L: number; y: number }, lengths: readonly number[], axis = 0): LineSeriesOption {
  const lo = Math.min(...lengths);
  const hi = Math.max(...lengths);
  const at = (L: number): number => anchor.y * (L / anchor.L) ** exponent;
  return {
    type: 'line',
    name: exponent === 1 ? 'theory ∝ L' : `theory ∝ L^${exponent}`,
    xAxisIndex: axis,
    yAxisIndex: axis,
    data: [
      [lo, at(lo)],
      [hi, at(hi)],
    ],
    symbol: 'none',
    color: '#777777',
    lineStyle: { type: 'dashed', width: 1, color: exponent === 1 ? '#999999' : '#555555' },
    tooltip: { show: false },
    silent: true,
    z: 0,
  };
}

/** Anchors at the geometric mean of the smallest-L medians, so both slopes start among the data. */
export function slopeAnchor(points: readonly { L: number; y: number }[]): { L: number; y: number } | undefined {
  if (points.length === 0) return undefined;
  const L = Math.min(...points.map((p) => p.L));
  const ys = points.filter((p) => p.L === L && p.y > 0).map((p) => Math.log(p.y));
  if (ys.length === 0) return undefined;
  return { L, y: Math.exp(ys.reduce((s, y) => s + y, 0) / ys.length) };
}
