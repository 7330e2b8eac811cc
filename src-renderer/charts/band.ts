/**
 * A p10–p90 band as an ECharts custom series: one quadrilateral per pair of neighbouring points.
 * Stacked areas cannot do this on a log axis (stacking adds values), a polygon in data space can.
 */
import type { CustomSeriesOption } from 'echarts/charts';

type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;

/** Each datum is [L0, lo0, hi0, L1, lo1, hi1]. */
const renderBandSegment: RenderItem = (_params, api) => {
  const corner = (x: number, y: number): number[] => api.coord([api.value(x), api.value(y)]);
  return {
    type: 'polygon',
    shape: { points: [corner(0, 1), corner(3, 4), corner(3, 5), corner(0, 2)] },
    style: { fill: api.visual('color'), opacity: 0.18 },
    silent: true,
  };
};

export interface BandPoint {
  readonly x: number;
  readonly lo: number;
  readonly hi: number;
}

export function bandSeries(name: string, color: string, points: readonly BandPoint[], axis = 0): CustomSeriesOption {
  const segments: number[][] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as BandPoint;
    const b = points[i + 1] as BandPoint;
    segments.push([a.x, a.lo, a.hi, b.x, b.lo, b.hi]);
  }
  return {
    type: 'custom',
    name,
    color,
    xAxisIndex: axis,
    yAxisIndex: axis,
    renderItem: renderBandSegment,
    encode: { x: [0, 3], y: [1, 2, 4, 5] },
    data: segments,
    silent: true,
    tooltip: { show: false },
    z: 1,
  };
}
