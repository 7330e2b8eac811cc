/**
 * The crossovers as a compact form × form matrix, one backend at a time: the cell in row A and
 * column B holds the L from which form A beats form B (the record's crossovers, or the engine's
 * analysis of the points so far), coloured by that L; "all" where A is faster at every measured
 * length; empty where A never overtakes B or the pair was not compared.
 */
import type { Crossover } from '@engine/record/schema.js';
import { curvesOf, findCrossovers } from '@engine/sweep/analysis.js';
import { titled } from './axes.js';
import type { ChartRun } from './chart-run.js';
import { curveKey } from './curves.js';
import { escapeHtml } from './format.js';
import { cellSeries, type Cell } from './grid-cells.js';
import { lengthColor, textOn } from './length-colors.js';
import type { ChartOption } from './option.js';

const ROW_HEIGHT = 22;
const MARGIN = { top: 64, bottom: 150 };

export function crossoversOf(run: ChartRun): Crossover[] {
  return run.crossovers.length > 0 ? run.crossovers : findCrossovers(curvesOf(run.points));
}

export function matrixBackends(run: ChartRun): string[] {
  return [...new Set(crossoversOf(run).map((c) => c.backend))];
}

/** Forms in the order the run measured them, restricted to those in a crossover. */
function formsOf(run: ChartRun, crossovers: readonly Crossover[]): string[] {
  const compared = new Set(crossovers.flatMap((c) => [curveKey(c.faster.mixer, c.faster.form), curveKey(c.slower.mixer, c.slower.form)]));
  return [...new Set(run.points.map((p) => curveKey(p.mixer, p.form)))].filter((k) => compared.has(k));
}

/** Pixel height that gives each row of the matrix room for its label. */
export function crossoverMatrixHeight(run: ChartRun, backend: string): number {
  const forms = formsOf(run, crossoversOf(run).filter((c) => c.backend === backend)).length;
  return Math.max(260, MARGIN.top + MARGIN.bottom + forms * ROW_HEIGHT);
}

export function buildCrossoverMatrix(run: ChartRun, backend: string): ChartOption {
  const crossovers = crossoversOf(run).filter((c) => c.backend === backend && c.status !== 'never');
  const forms = formsOf(run, crossoversOf(run).filter((c) => c.backend === backend));
  const lengths = run.points.filter((p) => p.backend === backend && p.status === 'ok').map((p) => p.L);
  const [lo, hi] = [Math.min(...lengths), Math.max(...lengths)];
  const cells: Cell[] = crossovers.map((c) => {
    const row = forms.indexOf(curveKey(c.faster.mixer, c.faster.form));
    const column = forms.indexOf(curveKey(c.slower.mixer, c.slower.form));
    const L = c.status === 'always' ? lo : (c.L ?? lo);
    const color = lengthColor(L, lo, hi);
    return { value: [column, row, L], label: c.status === 'always' ? 'all' : String(Math.round(L)), itemStyle: { color }, textColor: textOn(color), note: c.status, pair: [forms[row]!, forms[column]!] as const };
  });
  return {
    title: titled(`Crossovers on ${backend}`, `row form beats column form from L (cell); "all": at every L measured; colour: L, dark ${lo} → light ${hi}`),
    grid: { left: 210, right: 20, top: MARGIN.top, bottom: MARGIN.bottom },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { data?: Cell };
        const [column, row, L] = p.data?.value ?? [];
        const faster = escapeHtml(forms[row ?? -1] ?? '');
        const slower = escapeHtml(forms[column ?? -1] ?? '');
        return p.data?.note === 'always' ? `${faster} beats ${slower}<br/>at every L measured` : `${faster} beats ${slower}<br/>from L ≈ <b>${Math.round(L ?? 0)}</b>`;
      },
    },
    xAxis: { type: 'category', data: forms, name: 'is beaten (column)', nameLocation: 'end', axisLabel: { rotate: 50, fontSize: 10, interval: 0 }, splitArea: { show: true } },
    yAxis: { type: 'category', data: forms, inverse: true, axisLabel: { fontSize: 10, interval: 0 }, splitArea: { show: true } },
    series: [cellSeries('crossover L', cells)],
  };
}
