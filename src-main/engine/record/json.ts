/** The JSON writer: two-space indented, keys in schema order, numbers at full precision (JSON's own repr). */
import type { RunRecord } from './schema.js';

export function runRecordToJson(record: RunRecord): string {
  return `${JSON.stringify(record, null, 2)}\n`;
}
