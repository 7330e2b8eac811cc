/**
 * Where the plot starts below a legend that wraps: the legend's rows are estimated from its entry
 * names (ECharts wraps a plain legend but does not move the grid), so many curves never cover the plot.
 */
import type { ChartSeries } from './option.js';

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

function legendBottom(series: readonly ChartSeries[]): number {
  const names = [...new Set(series.map((s) => String(s.name ?? '')).filter((n) => n !== ''))];
  return LEGEND_TOP + legendRows(names) * ROW_HEIGHT;
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
