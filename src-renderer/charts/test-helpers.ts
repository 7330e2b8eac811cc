/** Reading chart options back in the builders' tests. */
import type { ChartOption } from './option.js';
import { seriesSummary, type SeriesSummary } from './series-summary.js';

/** The [x, y, ...] of each data item, whether given as an array or as `{ value }`. */
export function values(data: unknown[]): number[][] {
  return data.map((d) => (Array.isArray(d) ? (d as number[]) : (d as { value: number[] }).value));
}

export function seriesNamed(option: ChartOption, prefix: string): SeriesSummary[] {
  return seriesSummary(option).filter((s) => s.name.startsWith(prefix));
}
