/**
 * The long-format CSV report: one row per point per run, and for a comparison one per compare row,
 * in one table (`row` says which; a column that does not apply to a row is empty), for pandas,
 * R and spreadsheets. Numbers at full precision (String(x)); text from the record is neutralised
 * against formula injection (escape.ts).
 */
import { stringify } from 'csv-stringify/sync';
import type { Comparison, ComparisonRow } from '../compare/schema.js';
import type { PointRecord, RunRecord } from '../record/schema.js';
import { neutraliseCsvCell } from './escape.js';
import type { ReportInput } from './input.js';

type Cell = string | number | boolean | null | undefined;
type Column = readonly [name: string, point: (p: PointRecord, run: RunRecord) => Cell, compare: (r: ComparisonRow, c: Comparison) => Cell];

const none = () => undefined;

const COLUMNS: readonly Column[] = [
  ['row', () => 'point', () => 'compare'],
  ['run', (_p, run) => run.id, (_r, c) => c.baseline],
  ['other_run', none, (r) => r.otherRun],
  ['mixer', (p) => p.mixer, (r) => r.mixer],
  ['form', (p) => p.form, (r) => r.form],
  ['backend', (p) => p.backend, (r) => r.baselineBackend],
  ['other_backend', none, (r) => r.otherBackend],
  ['host', (p) => p.host, none],
  ['L', (p) => p.L, (r) => r.L],
  ['dims', (p) => Object.entries(p.dims).map(([k, v]) => `${k}=${v}`).join(';'), (r) => Object.entries(r.dims).map(([k, v]) => `${k}=${v}`).join(';')],
  ['batch', (p) => p.batch, (r) => r.batch],
  ['heads', (p) => p.heads, (r) => r.heads],
  ['dtype', (p) => p.dtype, (r) => r.dtype],
  ['status', (p) => p.status, none],
  ['reason', (p) => p.reason, (r) => r.reason],
  ['samples', (p) => p.stats?.n, (r) => r.baselineSamples],
  ['other_samples', none, (r) => r.otherSamples],
  ['min_ms', (p) => p.stats?.min, none],
  ['p10_ms', (p) => p.stats?.p10, none],
  ['p50_ms', (p) => p.stats?.p50, (r) => r.baselineMs],
  ['p90_ms', (p) => p.stats?.p90, none],
  ['max_ms', (p) => p.stats?.max, none],
  ['mean_ms', (p) => p.stats?.mean, none],
  ['cv', (p) => p.stats?.cv, none],
  ['noisy', (p) => p.stats?.noisy, none],
  ['gpu_p50_ms', (p) => p.gpuStats?.p50, none],
  ['other_p50_ms', none, (r) => r.otherMs],
  ['ratio', none, (r) => r.ratio],
  ['ci_low', none, (r) => r.ci?.[0]],
  ['ci_high', none, (r) => r.ci?.[1]],
  ['p', none, (r) => r.p],
  ['q', none, (r) => r.q],
  ['verdict', none, (r) => r.verdict],
  ['allocated_bytes', (p) => p.allocatedBytes, none],
  ['memory_ratio', none, (r) => r.memoryRatio],
  ['peak_bytes', (p) => p.cost?.peakBytes, none],
  ['bottleneck_bytes', (p) => p.cost?.bottleneck.bytes, none],
  ['error_relative', (p) => p.error?.relative, none],
  ['error_pass', (p) => p.error?.pass, none],
  ['gflops', (p) => p.achieved?.gflops, none],
  ['gbps', (p) => p.achieved?.gbps, none],
  ['tokens_per_s', (p) => p.achieved?.tokensPerSecond, none],
  ['roofline_fraction', (p) => p.rooflineFraction, (r) => r.baselineRooflineFraction],
  ['other_roofline_fraction', none, (r) => r.otherRooflineFraction],
  ['samples_ms', (p) => p.samplesMs.map(String).join(';'), none],
];

export const REPORT_CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? neutraliseCsvCell(value) : String(value);
}

export function buildCsvReport(input: ReportInput): string {
  const records = input.kind === 'run' ? [input.record] : input.records;
  const rows = records.flatMap((run) => run.points.map((p) => COLUMNS.map(([, point]) => cell(point(p, run)))));
  if (input.kind === 'comparison') {
    const c = input.comparison;
    rows.push(...c.rows.map((r) => COLUMNS.map(([, , compare]) => cell(compare(r, c)))));
  }
  return stringify([[...REPORT_CSV_COLUMNS], ...rows]);
}
