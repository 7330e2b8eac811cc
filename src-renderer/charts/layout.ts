/**
 * Where the plot starts below a legend that wraps: the legend's rows are estimated from its entry
 * names (ECharts wraps a plain legend but does not move the grid), so many curves never cover the plot.
 * Past a few rows (a quick profile draws every form of every mixer) the legend becomes one
 * scrolling row, so the plot keeps its height; tooltips still name every curve.
 */
import { LEGEND } from './axes.js';
import type { ChartSeries } from './option.js';

/** Rows a wrapping legend may take before it scrolls instead. */
export const MAX_LEGEND_ROWS = 4;

const LEGEND_TOP = 46;
const ROW_HEIGHT = 20;
/** A chart card's usual width less margins; wider cards only leave spare room. */
const LEGEND_WIDTH = 560;
const CHAR_WIDTH = 6.2;
/** Icon, gap and padding of one legend entry. */
const ENTRY_EXTRA = 38;

export function legendRows(names: readonly string[]): number {
  let rows = 1;
  let used = 0;
  for (const name of names) {
    const width = name.length * CHAR_WIDTH + ENTRY_EXTRA;
    if (used > 0 && used + width > LEGEND_WIDTH) {
      rows++;
      used = 0;
    }
    used += width;
  }
  return rows;
}

function shownRows(series: readonly ChartSeries[]): number {
  const names = [...new Set(series.map((s) => String(s.name ?? '')).filter((n) => n !== ''))];
  const rows = legendRows(names);
  return rows > MAX_LEGEND_ROWS ? 1 : rows;
}

function legendBottom(series: readonly ChartSeries[]): number {
  return LEGEND_TOP + shownRows(series) * ROW_HEIGHT;
}

/** A wrapping legend, or one scrolling row when it would take more than MAX_LEGEND_ROWS rows. */
export function legendFor(series: readonly ChartSeries[]) {
  const names = [...new Set(series.map((s) => String(s.name ?? '')).filter((n) => n !== ''))];
  return legendRows(names) > MAX_LEGEND_ROWS ? { ...LEGEND, type: 'scroll' as const, left: 20, right: 20 } : { ...LEGEND };
}

export function singleGrid(series: readonly ChartSeries[]): { left: number; right: number; top: number; bottom: number } {
  return { left: 70, right: 30, top: legendBottom(series) + 14, bottom: 50 };
}

/** Two grids side by side (memory, throughput, focus), each with a caption above it. */
export function sideBySide(series: readonly ChartSeries[], captions: readonly [string, string]) {
  const captionTop = legendBottom(series) + 10;
  const top = captionTop + 28;
  const style = { fontSize: 12, fontWeight: 'normal' } as const;
  return {
    captions: [
      { text: captions[0], left: '12%', top: captionTop, textStyle: style },
      { text: captions[1], left: '62%', top: captionTop, textStyle: style },
    ],
    grids: [
      { left: 70, right: '53%', top, bottom: 50 },
      { left: '55%', right: 30, top, bottom: 50 },
    ],
  };
}
