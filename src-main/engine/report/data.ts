/**
 * The data a report carries inside itself (`<script type="application/json" id="mixscope-data">`),
 * so the file can be opened again by mixscope: the record(s) it shows and, for a comparison, the
 * comparison. A small versioned envelope, like the run record: readers refuse a newer version.
 *
 * Version history
 * - v1: format, version, kind, generatedAt, records, comparison (kind 'comparison'), focus (the
 *   focus curves drawn in a run report; derived data, not read back).
 */
import { MixscopeError } from '../core/errors.js';
import { comparisonSchema, type Comparison } from '../compare/schema.js';
import { parseRunRecord } from '../record/parse.js';
import type { RunRecord } from '../record/schema.js';
import { jsonForScriptElement } from './escape.js';
import type { ReportInput } from './input.js';
import { REPORT_DATA_ELEMENT_ID } from './page.js';

export { REPORT_DATA_ELEMENT_ID };

export const REPORT_DATA_FORMAT = 'mixscope-report';
export const REPORT_DATA_VERSION = 1;

export interface ReportData {
  readonly format: typeof REPORT_DATA_FORMAT;
  readonly version: number;
  readonly kind: 'run' | 'comparison';
  /** ISO 8601. */
  readonly generatedAt: string;
  readonly records: readonly RunRecord[];
  readonly comparison?: Comparison;
  /** The focus curves of a run report (contract FocusCurves), computed when the report was written. */
  readonly focus?: unknown;
}

export function reportDataFor(input: ReportInput, generatedAt: string, focus?: unknown): ReportData {
  const head = { format: REPORT_DATA_FORMAT, version: REPORT_DATA_VERSION, generatedAt } as const;
  if (input.kind === 'run') return { ...head, kind: 'run', records: [input.record], ...(focus === undefined ? {} : { focus }) };
  return { ...head, kind: 'comparison', records: input.records, comparison: input.comparison };
}

/** The `<script>` element that carries `data`; nothing in the data can end it early. */
export function reportDataElement(data: ReportData): string {
  return `<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">${jsonForScriptElement(data)}</script>`;
}

const DATA_ELEMENT = new RegExp(`<script\\b[^>]*\\bid\\s*=\\s*["']?${REPORT_DATA_ELEMENT_ID}["']?[^>]*>([\\s\\S]*?)</script\\s*>`, 'i');

/** What a report file held: the records, checked in full, and the comparison when there was one. */
export interface ReportContents {
  readonly kind: 'run' | 'comparison';
  readonly records: RunRecord[];
  readonly comparison?: Comparison;
}

function fail(source: string, message: string): never {
  throw new MixscopeError(`${source}: ${message}`, 'invalid-record');
}

/** Reads the embedded data of a report `.html`; every record goes through `parseRunRecord`. */
export function readReportHtml(html: string, source = 'report'): ReportContents {
  const match = DATA_ELEMENT.exec(html);
  if (!match) fail(source, `no embedded mixscope data (no <script id="${REPORT_DATA_ELEMENT_ID}">): not a mixscope report, or one saved without its data`);
  let json: unknown;
  try {
    json = JSON.parse(match[1] ?? '');
  } catch (err) {
    fail(source, `the embedded mixscope data is not valid JSON: ${(err as Error).message}`);
  }
  return parseReportData(json, source);
}

export function parseReportData(json: unknown, source = 'report'): ReportContents {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail(source, 'the embedded mixscope data is not a JSON object');
  const data = json as Record<string, unknown>;
  if (data['format'] !== REPORT_DATA_FORMAT) fail(source, `format: expected '${REPORT_DATA_FORMAT}', got ${JSON.stringify(data['format']) ?? 'nothing'}`);
  const version = data['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) fail(source, `version: expected a positive integer, got ${JSON.stringify(version) ?? 'nothing'}`);
  if (version > REPORT_DATA_VERSION) fail(source, `version: ${version} is newer than this mixscope reads (up to ${REPORT_DATA_VERSION}); update mixscope`);
  const kind = data['kind'];
  if (kind !== 'run' && kind !== 'comparison') fail(source, `kind: expected 'run' or 'comparison', got ${JSON.stringify(kind) ?? 'nothing'}`);
  const list = data['records'];
  if (!Array.isArray(list) || list.length === 0) fail(source, 'records: expected a non-empty array of run records');
  const records = list.map((item, i) => {
    try {
      return parseRunRecord(item);
    } catch (err) {
      if (err instanceof MixscopeError) fail(source, `records[${i}]: ${err.message}`);
      throw err;
    }
  });
  if (kind === 'run') return { kind, records };
  const parsed = comparisonSchema.safeParse(data['comparison']);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    fail(source, `comparison${issue ? `.${issue.path.join('.')}: ${issue.message}` : ': invalid'}`);
  }
  return { kind, records, comparison: parsed.data };
}
