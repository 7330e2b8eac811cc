/**
 * The CSV writer: one row per point, for spreadsheets and pandas. Numbers are written with
 * String(x), JavaScript's shortest round-trip repr, so no precision is lost (never toFixed).
 * Raw samples go in one column, separated by ';'. Empty cell = no value. Text cells that a
 * spreadsheet would evaluate as a formula are neutralised (`neutralizeFormula`).
 */
import { stringify } from 'csv-stringify/sync';
import type { KernelConfigRecord, PointRecord } from './point.js';
import type { RunRecord } from './schema.js';

type Cell = string | number | boolean | null | undefined;

const COLUMNS: readonly [string, (p: PointRecord) => Cell][] = [
  ['mixer', (p) => p.mixer],
  ['form', (p) => p.form],
  ['backend', (p) => p.backend],
  ['host', (p) => p.host],
  ['L', (p) => p.L],
  ['dims', (p) => Object.entries(p.dims).map(([k, v]) => `${k}=${v}`).join(';')],
  ['batch', (p) => p.batch],
  ['heads', (p) => p.heads],
  ['dtype', (p) => p.dtype],
  ['status', (p) => p.status],
  ['reason', (p) => p.reason],
  ['fidelity', (p) => p.fidelity],
  ['samples', (p) => p.stats?.n],
  ['min_ms', (p) => p.stats?.min],
  ['p10_ms', (p) => p.stats?.p10],
  ['p50_ms', (p) => p.stats?.p50],
  ['p90_ms', (p) => p.stats?.p90],
  ['max_ms', (p) => p.stats?.max],
  ['mean_ms', (p) => p.stats?.mean],
  ['cv', (p) => p.stats?.cv],
  ['iqr_ms', (p) => p.stats?.iqr],
  ['noisy', (p) => p.stats?.noisy],
  ['gpu_p50_ms', (p) => p.gpuStats?.p50],
  ['compile_ms', (p) => p.compileMs],
  ['upload_ms', (p) => p.uploadMs],
  ['readback_ms', (p) => p.readbackMs],
  ['allocated_bytes', (p) => p.allocatedBytes],
  ['flops', (p) => p.cost?.flops],
  ['moved_bytes', (p) => p.cost?.movedBytes],
  ['peak_bytes', (p) => p.cost?.peakBytes],
  ['bottleneck', (p) => p.cost?.bottleneck.name],
  ['bottleneck_bytes', (p) => p.cost?.bottleneck.bytes],
  ['error_max_abs', (p) => p.error?.maxAbs],
  ['error_relative', (p) => p.error?.relative],
  ['error_pass', (p) => p.error?.pass],
  ['verify_note', (p) => p.verifyNote],
  ['gflops', (p) => p.achieved?.gflops],
  ['gbps', (p) => p.achieved?.gbps],
  ['tokens_per_s', (p) => p.achieved?.tokensPerSecond],
  ['roofline_fraction', (p) => p.rooflineFraction],
  ['needed_bytes', (p) => p.neededBytes],
  ['available_bytes', (p) => p.availableBytes],
  ['median_ci_lo_ms', (p) => p.sampling?.medianCi?.lo],
  ['median_ci_hi_ms', (p) => p.sampling?.medianCi?.hi],
  ['sampling_stop', (p) => p.sampling?.stop],
  ['warmup_runs', (p) => p.sampling?.warmupRuns],
  ['visits', (p) => p.sampling?.visits],
  ['outliers_low', (p) => p.sampling?.outliers.low],
  ['outliers_high', (p) => p.sampling?.outliers.high],
  ['multimodal', (p) => p.sampling?.multimodal],
  ['mode_centers_ms', (p) => p.sampling?.modes.map((m) => String(m.centerMs)).join(';')],
  ['above_roof', (p) => p.aboveRoof],
  ['kernel_config', (p) => p.kernelConfig && kernelConfigText(p.kernelConfig)],
  ['samples_ms', (p) => p.samplesMs.map(String).join(';')],
];

/** 'wgsl-matmul-tile microM=8;depth=16 (autotuned)': one cell, the params in their record order. */
export function kernelConfigText(config: KernelConfigRecord): string {
  const params = Object.entries(config.params).map(([k, v]) => `${k}=${v}`).join(';');
  return `${config.kernel}${params ? ` ${params}` : ''} (${config.source})`;
}

export const CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

/** A spreadsheet reads a cell starting with one of these as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Digits, signs, a point, exponents and ';' between samples: arithmetic at most, never a call or a reference. */
const NUMERIC_TEXT = /^[-+]?(\d|\.\d)[\d.eE+\-;]*$/;

/**
 * A string from a record (a reason, a host, a mixer name: a record can come from anyone) that a
 * spreadsheet would run as a formula, `=HYPERLINK(...)`, is written with a leading apostrophe,
 * which spreadsheets show as text. Numbers are written as they are, at full precision: -0.5 is a
 * number, not a formula, and so is a list of samples.
 */
export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) && !NUMERIC_TEXT.test(text) ? `'${text}` : text;
}

function cell(value: Cell): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? neutralizeFormula(value) : String(value);
}

export function runRecordToCsv(record: RunRecord): string {
  const rows = record.points.map((p) => COLUMNS.map(([, get]) => cell(get(p))));
  return stringify([[...CSV_COLUMNS], ...rows]);
}
