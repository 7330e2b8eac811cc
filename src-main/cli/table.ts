/** Plain-text tables for the terminal: columns padded to their widest cell. */
import type { CliIo } from './io.js';

export function printTable(io: CliIo, header: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()}\n`;
  io.stdout(line(header));
  for (const r of rows) io.stdout(line(r));
}
