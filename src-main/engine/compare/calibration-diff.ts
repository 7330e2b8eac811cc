/**
 * The machine's state in the environment diff: each paired backend's calibrated matmul peak in
 * every run, graded by their ratio, and the runs whose peak drifted under them (record/drift.ts).
 * Two runs of the same code on a machine that ran 1.5× slower for one of them differ by that much
 * in every row; the calibrated peaks, taken at each sweep's start, say so.
 */
import type { Calibration } from '../record/environment.js';
import { DRIFT_THRESHOLD, describeChange } from '../record/drift.js';
import type { DiffSide } from './environment-diff.js';
import type { EnvironmentDiff } from './schema.js';

const gflops = (x: number): string => x.toFixed(1);

function calibrationOf(side: DiffSide, pairing: number): Calibration | undefined {
  const backend = side.backends[pairing];
  return side.record.calibration?.find((c) => c.backend === backend);
}

/** One field per backend pairing calibrated in at least two runs; caveat when a run's peak is more than DRIFT_THRESHOLD off the baseline's. */
function peakDiff(sides: readonly DiffSide[], pairing: number, label: string): EnvironmentDiff | undefined {
  const peaks = sides.map((side) => calibrationOf(side, pairing)?.peakMatmulGflops);
  const values = sides.map((side, i) => ({ run: side.record.id, value: peaks[i] === undefined ? null : `${gflops(peaks[i]!)} GFLOP/s` }));
  const base = peaks[0];
  if (base === undefined || peaks.filter((p) => p !== undefined).length < 2 || values.every((v) => v.value === values[0]!.value)) return undefined;
  const field = `calibration[${label}].peakMatmulGflops`;
  if (sides.some((side) => side.backends[pairing] !== sides[0]!.backends[pairing])) {
    return { field, values, grade: 'informative', why: 'the roofs of two different backends: they differ by design' };
  }
  // The other run farthest from the baseline decides the grade.
  const ratios = peaks.slice(1).flatMap((p) => (p === undefined ? [] : [p / base]));
  const worst = ratios.reduce((a, b) => (Math.abs(b - 1) > Math.abs(a - 1) ? b : a));
  const other = base * worst;
  const ratio = `ratio ${worst.toFixed(3)}`;
  if (Math.abs(worst - 1) > DRIFT_THRESHOLD) {
    const why = `the machines' calibrated peaks differ by ${Math.round(Math.abs(worst - 1) * 100)}% (${gflops(base)} vs ${gflops(other)} GFLOP/s, ${ratio}): timings differ for that reason too`;
    return { field, values, grade: 'caveat', why };
  }
  return { field, values, grade: 'informative', why: `the calibrated peaks agree within ${DRIFT_THRESHOLD * 100}% (${ratio})` };
}

/** A caveat naming every run whose machine changed speed under it (its drift warning). */
function driftDiff(sides: readonly DiffSide[]): EnvironmentDiff | undefined {
  const drifted = sides.filter((side) => (side.record.warnings ?? []).some((w) => w.kind === 'calibration-drift'));
  if (drifted.length === 0) return undefined;
  const valueOf = (side: DiffSide): string | null => {
    const moved = (side.record.calibration ?? []).filter((c) => c.drift !== undefined);
    return moved.length === 0 ? null : moved.map((c) => `${c.backend} ${describeChange(c.drift!)} at the end`).join('; ');
  };
  return {
    field: 'warnings.calibration-drift',
    values: sides.map((side) => ({ run: side.record.id, value: valueOf(side) })),
    grade: 'caveat',
    why: `${[...new Set(drifted.map((s) => s.record.id))].join(', ')}: the machine's speed changed under the run (calibration drift above ${DRIFT_THRESHOLD * 100}%), so its timings mix two speeds`,
  };
}

export function calibrationDiffs(sides: readonly DiffSide[], pairLabels: readonly string[]): EnvironmentDiff[] {
  const peaks = pairLabels.map((label, i) => peakDiff(sides, i, label));
  return [...peaks, driftDiff(sides)].filter((d): d is EnvironmentDiff => d !== undefined);
}
