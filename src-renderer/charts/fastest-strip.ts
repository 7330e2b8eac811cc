/**
 * The fastest form at each L, one row per mixer, one backend at a time: the cell names the form
 * with the smallest median at that length, in that form's colour within its mixer, so the L where
 * a mixer's best form changes (materialized → chunked, say) reads off the row.
 */
import type { PointRecord } from '@engine/record/schema.js';
import { titled } from './axes.js';
import type { ChartRun } from './chart-run.js';
import { colorAt } from './curves.js';
import { escapeHtml, formatMs } from './format.js';
import { cellSeries, type Cell } from './grid-cells.js';
import { textOn } from './length-colors.js';
import type { ChartOption } from './option.js';
import { pointRef } from './point-ref.js';

const timed = (p: PointRecord): boolean => p.status === 'ok' && p.stats !== null && p.stats.p50 > 0;

export function stripBackends(run: ChartRun): string[] {
  return [...new Set(run.points.filter(timed).map((p) => p.backend))];
}

export function fastestStripHeight(run: ChartRun, backend: string): number {
  return 90 + 30 * new Set(run.points.filter((p) => timed(p) && p.backend === backend).map((p) => p.mixer)).size;
}

export function buildFastestStrip(run: ChartRun, backend: string): ChartOption {
  const points = run.points.filter((p) => timed(p) && p.backend === backend);
  const mixers = [...new Set(points.map((p) => p.mixer))];
  const lengths = [...new Set(points.map((p) => p.L))].sort((a, b) => a - b);
  const cells: Cell[] = [];
  for (const [row, mixer] of mixers.entries()) {
    const forms = [...new Set(points.filter((p) => p.mixer === mixer).map((p) => p.form))];
    for (const [column, L] of lengths.entries()) {
      const here = points.filter((p) => p.mixer === mixer && p.L === L).sort((a, b) => a.stats!.p50 - b.stats!.p50);
      const [best, next] = here;
      if (!best) continue;
      const color = colorAt(forms.indexOf(best.form));
      cells.push({
        value: [column, row, best.stats!.p50, next ? next.stats!.p50 / best.stats!.p50 : Number.NaN],
        label: best.form,
        itemStyle: { color },
        textColor: textOn(color),
        ref: pointRef(best),
        note: next ? `${next.form} next` : 'only form measured',
      });
    }
  }
  return {
    title: titled(`Fastest form at each L on ${backend}`, 'cell: the form with the smallest median time; colour: the form, within its mixer'),
    grid: { left: 150, right: 20, top: 56, bottom: 34 },
    tooltip: {
      trigger: 'item',
      formatter: (params: unknown) => {
        const p = params as { data?: Cell };
        const [column, row, ms, ahead] = p.data?.value ?? [];
        const lead = Number.isFinite(ahead) ? `, ${(ahead ?? 0).toFixed(2)}× ahead (${escapeHtml(p.data?.note ?? '')})` : ' (only form measured)';
        return `${escapeHtml(mixers[row ?? -1] ?? '')} at L = ${lengths[column ?? -1]}<br/><b>${escapeHtml(p.data?.label ?? '')}</b> ${formatMs(ms ?? 0)}${lead}`;
      },
    },
    xAxis: { type: 'category', data: lengths.map(String), name: 'L', nameLocation: 'middle', nameGap: 22, splitArea: { show: true } },
    yAxis: { type: 'category', data: mixers, inverse: true, axisLabel: { fontSize: 11, interval: 0 } },
    series: [cellSeries('fastest form', cells)],
  };
}
