/**
 * Time vs L of the compared runs overlaid, log-log: one colour per form, one line style (and
 * symbol) per run, so "which run is faster where" and "does the slope change" read at a glance.
 * Drawn from the comparison's matched rows: the points that were compared, with their medians.
 */
import type { LineSeriesOption } from 'echarts/charts';
import type { Comparison } from '@engine/compare/schema.js';
import { lengthAxis, logAxis, titled } from './axes.js';
import { backendPair, formatRatio, runLabel } from './compare-labels.js';
import { colorAt, curveKey } from './curves.js';
import { formatMs } from './format.js';
import { legendFor, singleGrid } from './layout.js';
import type { ChartOption, ChartSeries } from './option.js';
import { itemTooltip } from './tooltip.js';

/** The baseline is solid; other runs dashed, dotted, dash-dot…, each with its own symbol. */
const LINE_STYLES: readonly (LineSeriesOption['lineStyle'] & object)['type'][] = ['solid', 'dashed', 'dotted', [8, 3, 2, 3], [2, 6], [12, 4]];
const STYLE_NAMES = ['solid', 'dashed', 'dotted', 'dash-dot', 'sparse dots', 'long dashes'];
const SYMBOLS = ['circle', 'triangle', 'rect', 'diamond', 'pin', 'arrow'];

interface OverlayCurve {
  readonly name: string;
  readonly form: string;
  readonly runIndex: number;
  /** [L, median ms, ratio to the baseline] by L, the first point of each L kept. */
  readonly points: Map<number, [number, number, number?]>;
}

function curveFor(curves: Map<string, OverlayCurve>, key: string, make: () => OverlayCurve): OverlayCurve {
  const existing = curves.get(key);
  if (existing) return existing;
  const created = make();
  curves.set(key, created);
  return created;
}

function overlayCurves(comparison: Comparison): OverlayCurve[] {
  const curves = new Map<string, OverlayCurve>();
  const paired = comparison.options.pairing.mode === 'named';
  for (const row of comparison.rows) {
    const form = curveKey(row.mixer, row.form);
    if (row.baselineMs !== null) {
      const key = `0|${form}|${row.baselineBackend}`;
      const name = `${curveKey(row.mixer, row.form, row.baselineBackend)} — ${runLabel(comparison, 0)}`;
      const curve = curveFor(curves, key, () => ({ name, form, runIndex: 0, points: new Map() }));
      if (!curve.points.has(row.L)) curve.points.set(row.L, [row.L, row.baselineMs]);
    }
    if (row.otherMs !== null) {
      const key = `${row.otherRunIndex}|${form}|${row.otherBackend}`;
      // With named pairs the other side's backend differs; the legend says which pair it is.
      const backend = paired ? backendPair(row) : row.otherBackend;
      const name = `${row.mixer}.${row.form} · ${backend} — ${runLabel(comparison, row.otherRunIndex)}`;
      const curve = curveFor(curves, key, () => ({ name, form, runIndex: row.otherRunIndex, points: new Map() }));
      if (!curve.points.has(row.L)) curve.points.set(row.L, row.ratio === null ? [row.L, row.otherMs] : [row.L, row.otherMs, row.ratio]);
    }
  }
  return [...curves.values()];
}

export function buildCompareOverlayChart(comparison: Comparison): ChartOption {
  const curves = overlayCurves(comparison);
  const forms = [...new Set(curves.map((c) => c.form))];
  const series: ChartSeries[] = curves.map((curve) => {
    const style = curve.runIndex % LINE_STYLES.length;
    const line: LineSeriesOption = {
      type: 'line',
      name: curve.name,
      color: colorAt(forms.indexOf(curve.form)),
      lineStyle: { type: LINE_STYLES[style], width: curve.runIndex === 0 ? 2 : 1.5 },
      symbol: SYMBOLS[curve.runIndex % SYMBOLS.length],
      symbolSize: 6,
      data: [...curve.points.values()].sort((a, b) => a[0] - b[0]).map((value) => ({ value })),
    };
    return line;
  });
  const styles = comparison.runs.map((_, i) => `${runLabel(comparison, i)}: ${STYLE_NAMES[i % STYLE_NAMES.length]}${i === 0 ? ' (baseline)' : ''}`);
  return {
    title: titled('Time vs L, runs overlaid', `median per sample; colour: form, line: run (${styles.join(', ')})`),
    legend: legendFor(series),
    grid: singleGrid(series),
    tooltip: {
      trigger: 'item',
      formatter: itemTooltip([
        ['L', String],
        ['median', formatMs],
        ['other / baseline', (r) => formatRatio(r)],
      ]),
    },
    xAxis: lengthAxis(),
    yAxis: logAxis('time per sample (ms)'),
    series,
  };
}
