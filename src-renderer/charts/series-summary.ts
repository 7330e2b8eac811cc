/** The data a chart shows, as plain JSON: what `data-series` carries for tests and copy-paste. */
import type { ChartOption } from './option.js';

export interface SeriesSummary {
  readonly name: string;
  readonly type: string;
  /** Number of data items drawn. */
  readonly points: number;
  readonly data: unknown[];
}

export function seriesSummary(option: ChartOption): SeriesSummary[] {
  const series = option.series === undefined ? [] : Array.isArray(option.series) ? option.series : [option.series];
  return series.map((s) => {
    const data = Array.isArray(s.data) ? (s.data as unknown[]) : [];
    return { name: String(s.name ?? ''), type: String(s.type ?? ''), points: data.length, data };
  });
}
