/** Number formats for axes and tooltips: exact enough to copy, short enough to read. */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toPrecision(4)} ${BYTE_UNITS[unit]}`;
}

export function formatMs(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toPrecision(4)} s`;
  if (ms >= 1) return `${ms.toPrecision(4)} ms`;
  return `${(ms * 1000).toPrecision(4)} µs`;
}

/** Four significant digits, exponent notation outside [1e-3, 1e6). */
export function formatNumber(x: number): string {
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e6 || a < 1e-3 ? x.toExponential(3) : String(Number(x.toPrecision(4)));
}

/** Axis labels on log axes: powers of ten and of two read best in exponent form past 1e4. */
export function formatAxisNumber(x: number): string {
  return Math.abs(x) >= 1e4 || (x !== 0 && Math.abs(x) < 1e-2) ? x.toExponential(0) : String(x);
}

/** Escapes text that goes into an HTML tooltip (series names come from files). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
