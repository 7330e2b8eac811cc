/**
 * The environment section's calibration: each backend's roof at the sweep's start and, where the
 * end probe ran (record v7), at its end with the matmul peak's drift, so a reader sees whether the
 * machine's speed changed under the run.
 */
import { driftExceeds } from '../record/drift.js';
import type { Calibration, RunRecord } from '../record/schema.js';
import { formatNumber } from './format.js';
import type { ReportTable } from './table.js';

function drift(cal: Calibration): string {
  if (cal.drift === undefined) return '—';
  return `${cal.drift >= 0 ? '+' : ''}${(cal.drift * 100).toFixed(1)}%`;
}

function note(cal: Calibration): string {
  if (driftExceeds(cal)) return "warning: the machine's speed changed under the run";
  if (cal.endSkipped) return `no end probe: ${cal.endSkipped}`;
  return cal.valid === false ? `invalid: ${cal.invalidReason ?? 'a point ran above it'}` : '';
}

export function calibrationTable(record: RunRecord): ReportTable {
  const calibrations = record.calibration ?? [];
  return {
    head: ['backend', 'dtype', 'matmul GFLOP/s (start)', 'copy GB/s (start)', 'matmul GFLOP/s (end)', 'copy GB/s (end)', 'drift', 'note'],
    rows: calibrations.map((c) => [
      c.backend,
      c.dtype,
      formatNumber(c.peakMatmulGflops),
      formatNumber(c.copyGBs),
      c.end ? formatNumber(c.end.peakMatmulGflops) : '—',
      c.end ? formatNumber(c.end.copyGBs) : '—',
      drift(c),
      note(c),
    ]),
    numeric: [2, 3, 4, 5, 6],
    rowClass: calibrations.map((c) => (driftExceeds(c) ? 'grade-caveat' : '')),
  };
}
