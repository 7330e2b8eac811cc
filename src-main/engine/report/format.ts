/** Number formats of the report tables: exact enough to copy, short enough to read. */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes)) return '';
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toPrecision(4)} ${BYTE_UNITS[unit]}`;
}

export function formatMs(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
  if (ms >= 1000) return `${(ms / 1000).toPrecision(4)} s`;
  if (ms >= 1) return `${ms.toPrecision(4)} ms`;
  return `${(ms * 1000).toPrecision(4)} µs`;
}

/** Four significant digits, exponent notation outside [1e-3, 1e6); empty for no value. */
export function formatNumber(x: number | null | undefined, digits = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a >= 1e6 || a < 1e-3 ? x.toExponential(digits - 1) : String(Number(x.toPrecision(digits)));
}

/** A ratio as ×1.234. */
export function formatRatio(x: number | null | undefined): string {
  return x === null || x === undefined ? '' : `×${formatNumber(x)}`;
}

/** A signed shift: +0.12, −0.05. */
export function formatShift(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '';
  return `${x >= 0 ? '+' : '−'}${formatNumber(Math.abs(x), 3)}`;
}

export function formatPercent(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '' : `${formatNumber(x * 100, 3)}%`;
}
