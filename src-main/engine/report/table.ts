/**
 * A report table as plain text cells, written once and rendered by each format (HTML, Markdown),
 * which applies its own escaping. Cells hold unescaped text, straight from the record.
 */
export interface ReportTable {
  readonly head: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Columns holding numbers (right-aligned); by index. */
  readonly numeric?: readonly number[];
  /** Per row, a CSS class name (HTML only): a verdict, a status. Our own words, never record text. */
  readonly rowClass?: readonly string[];
}

/** Two-column key/value tables: environment, settings. */
export function keyValueTable(head: readonly [string, string], entries: readonly (readonly [string, string])[]): ReportTable {
  return { head, rows: entries.map(([k, v]) => [k, v]) };
}
