/**
 * The tables of a run report: summary, fitted exponents, crossovers, environment, settings, points.
 * Shared by the HTML and Markdown reports.
 */
import type { Crossover, Environment, RunRecord } from '../record/schema.js';
import { curvesOf, findCrossovers } from '../sweep/analysis.js';
import type { SweepSettings } from '../sweep/settings.js';
import { formatBytes, formatMs, formatNumber } from './format.js';
import { keyValueTable, type ReportTable } from './table.js';

const curveName = (mixer: string, form: string) => `${mixer}.${form}`;

export function runSummaryTable(record: RunRecord): ReportTable {
  const ok = record.points.filter((p) => p.status === 'ok').length;
  const statuses = new Map<string, number>();
  for (const p of record.points) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
  const lengths = [...new Set(record.points.map((p) => p.L))].sort((a, b) => a - b);
  return keyValueTable(
    ['', ''],
    [
      ['run', record.id],
      ['status', record.status + (record.failure ? `: ${record.failure}` : '')],
      ['started', record.startedAt],
      ['finished', record.finishedAt ?? ''],
      ['points', `${record.points.length} (${[...statuses].map(([s, n]) => `${n} ${s}`).join(', ') || 'none'}); ${ok} measured`],
      ['backends', [...new Set(record.points.map((p) => p.backend))].join(', ') || record.settings.backends.join(', ')],
      ['lengths L', lengths.join(', ')],
      ['mixers', String(new Set(record.points.map((p) => p.mixer)).size)],
    ],
  );
}

export function fitsTable(record: RunRecord): ReportTable {
  const fits = [...record.fits].sort((a, b) => a.backend.localeCompare(b.backend) || a.mixer.localeCompare(b.mixer) || a.form.localeCompare(b.form));
  return {
    head: ['curve', 'backend', 'exponent', 'tail exponent', 'tail from L', 'expected', 'R²', 'points'],
    rows: fits.map((f) => [curveName(f.mixer, f.form), f.backend, formatNumber(f.exponent, 3), formatNumber(f.tail?.exponent, 3), f.tail ? String(f.tail.fromL) : '', f.expected ?? '', formatNumber(f.r2, 4), String(f.points)]),
    numeric: [2, 3, 4, 6, 7],
  };
}

/** The record's crossovers; a record saved before its sweep finished gets them from its points. */
export function crossoversOf(record: RunRecord): Crossover[] {
  return record.crossovers.length > 0 ? record.crossovers : findCrossovers(curvesOf(record.points));
}

export function describeCrossover(c: Pick<Crossover, 'status' | 'L'>): string {
  if (c.status === 'crosses' && c.L !== null) return `from L ≈ ${Math.round(c.L)}`;
  if (c.status === 'always') return 'whole measured range';
  return 'never (on this range)';
}

export function crossoversTable(record: RunRecord): ReportTable {
  const order = (c: Crossover) => (c.status === 'crosses' && c.L !== null ? c.L : c.status === 'always' ? 0 : Infinity);
  const rows = [...crossoversOf(record)].sort((a, b) => a.backend.localeCompare(b.backend) || order(a) - order(b));
  return {
    head: ['backend', 'faster', 'than', 'when'],
    rows: rows.map((c) => [c.backend, curveName(c.faster.mixer, c.faster.form), curveName(c.slower.mixer, c.slower.form), describeCrossover(c)]),
  };
}

export function environmentTable(env: Environment): ReportTable {
  return keyValueTable(
    ['field', 'value'],
    [
      ['app', `${env.app.name} ${env.app.version}`],
      ['runtime', Object.entries(env.runtime).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['OS', [env.os.platform, env.os.release, env.os.arch].filter(Boolean).join(' ')],
      ['CPU', `${env.cpu.model} (${env.cpu.cores} cores${env.cpu.speedMHz ? `, ${env.cpu.speedMHz} MHz` : ''})`],
      ['memory', `${formatBytes(env.memory.totalBytes)}${env.memory.freeBytes !== undefined ? ` (${formatBytes(env.memory.freeBytes)} free)` : ''}`],
      ['sweep host', env.host],
      ...(env.hostname ? [['hostname', env.hostname] as const] : []),
    ],
  );
}

export function backendsTable(env: Environment): ReportTable {
  return {
    head: ['backend', 'available', 'host', 'adapter', 'software', 'dtypes', 'note'],
    rows: env.backends.map((b) => [
      b.id,
      b.available ? 'yes' : 'no',
      b.host,
      b.adapter ? [b.adapter.description, b.adapter.vendor, b.adapter.architecture].filter(Boolean).join(' · ') : '',
      b.adapter ? (b.adapter.software ? 'software' : 'hardware') : '',
      b.dtypes.join(', '),
      b.reason ?? '',
    ]),
  };
}

export function settingsTable(settings: SweepSettings): ReportTable {
  return keyValueTable(
    ['setting', 'value'],
    Object.entries(settings).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : String(value)]),
  );
}

export function pointsTable(record: RunRecord): ReportTable {
  return {
    head: ['mixer', 'form', 'backend', 'L', 'status', 'median', 'p10', 'p90', 'samples', 'allocated', 'rel. error', 'roofline', 'note'],
    rows: record.points.map((p) => [
      p.mixer,
      p.form,
      p.backend,
      String(p.L),
      p.status,
      formatMs(p.stats?.p50),
      formatMs(p.stats?.p10),
      formatMs(p.stats?.p90),
      p.stats ? String(p.stats.n) : '',
      formatBytes(p.allocatedBytes),
      p.error ? `${formatNumber(p.error.relative)}${p.error.pass ? '' : ' (fails)'}` : '',
      formatNumber(p.rooflineFraction, 3),
      p.reason ?? p.verifyNote ?? '',
    ]),
    numeric: [3, 5, 6, 7, 8, 9, 10, 11],
    rowClass: record.points.map((p) => `status-${p.status}`),
  };
}
