/**
 * Item tooltips with the exact numbers: every data item carries its point's fields as `value`
 * [x, y, ...extra] and the chart names what each extra is, so the formatter stays generic.
 */
import { escapeHtml } from './format.js';

interface ItemParams {
  readonly seriesName?: string;
  readonly data?: unknown;
}

/** One row per labelled value; `labels[i]` formats `value[i]`. */
export type TooltipRow = readonly [label: string, format: (v: number) => string];

export function itemTooltip(rows: readonly TooltipRow[]): (params: unknown) => string {
  return (params: unknown) => {
    const p = (Array.isArray(params) ? params[0] : params) as ItemParams;
    const data = p.data as { value?: unknown; note?: unknown; kernel?: unknown } | unknown[] | undefined;
    const value = Array.isArray(data) ? data : Array.isArray(data?.value) ? (data.value as unknown[]) : [];
    const lines = rows
      .map(([label, format], i) => {
        const v = value[i];
        return typeof v === 'number' && Number.isFinite(v) ? `${escapeHtml(label)}: <b>${escapeHtml(format(v))}</b>` : '';
      })
      .filter((line) => line !== '');
    const note = !Array.isArray(data) && typeof data?.note === 'string' ? [`<i>${escapeHtml(data.note)}</i>`] : [];
    // The kernel configuration the point was compiled with (record v5), as text a record supplied.
    const kernel = !Array.isArray(data) && typeof data?.kernel === 'string' ? [`kernel: ${escapeHtml(data.kernel)}`] : [];
    // No ECharts marker: it is HTML with an inline style attribute, which the page's CSP refuses.
    return [escapeHtml(p.seriesName ?? ''), ...lines, ...kernel, ...note].join('<br/>');
  };
}
