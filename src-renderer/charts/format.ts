/** Number formats for axes and tooltips: exact enough to copy, short enough to read. */

// Bytes, times and plain numbers read the same in the app and in its reports.
export { formatBytes, formatMs, formatNumber } from '@engine/report/format.js';

/** Axis labels on log axes: powers of ten and of two read best in exponent form past 1e4. */
export function formatAxisNumber(x: number): string {
  return Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-2) ? x.toExponential(0) : String(x);
}

/** Escapes text that goes into an HTML tooltip (series names come from files). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
