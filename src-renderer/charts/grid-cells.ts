/**
 * A grid of labelled, coloured cells on two category axes (the crossover matrix, the fastest-form
 * strip), as an ECharts custom series: each datum [x, y, ...] is one cell with its own colour.
 */
import type { CustomSeriesOption } from 'echarts/charts';

type RenderItem = NonNullable<CustomSeriesOption['renderItem']>;

export interface Cell {
  /** [x category index, y category index, ...numbers the tooltip shows]. */
  readonly value: number[];
  readonly label: string;
  readonly itemStyle: { readonly color: string };
  readonly textColor: string;
  readonly ref?: string;
  readonly note?: string;
  /** The forms a matrix cell compares, `[faster, slower]` as `mixer.form`. */
  readonly pair?: readonly [string, string];
}

export function cellSeries(name: string, cells: readonly Cell[]): CustomSeriesOption {
  // renderItem is handed indices; the labels and colours live on the cells it closes over.
  const renderItem: RenderItem = (params, api) => {
    const cell = cells[params.dataIndex];
    const [x, y] = api.coord([api.value(0), api.value(1)]) as [number, number];
    const [w, h] = (api.size?.([1, 1]) ?? [20, 20]) as [number, number];
    return {
      type: 'group',
      children: [
        { type: 'rect', shape: { x: x - w / 2 + 1, y: y - h / 2 + 1, width: w - 2, height: h - 2 }, style: { fill: cell?.itemStyle.color ?? '#cccccc' } },
        {
          type: 'text',
          silent: true,
          style: { x, y, text: cell?.label ?? '', fill: cell?.textColor ?? '#000000', align: 'center', verticalAlign: 'middle', fontSize: 11, width: Math.max(0, w - 4), overflow: 'truncate' },
        },
      ],
    };
  };
  return { type: 'custom', name, renderItem, data: cells.map((c) => ({ ...c })), encode: { x: 0, y: 1, tooltip: [2] } };
}
