/**
 * Whether the machine's speed changed under a run, and whether two runs were taken on a machine in
 * a different state: both read the calibrated matmul peak. On a shared or virtual machine the whole
 * host sometimes runs 1.3–1.5× slower for a while (every kernel's CPU time grows alike); the
 * calibration probe sees it as a lower peak, so a peak that moved says the timings moved too.
 */
import type { Calibration } from './environment.js';
import type { RunWarning } from './schema.js';

/**
 * 10%: two quiet back-to-back calibrations on one machine agree within a few percent (their
 * figures are a best over tries), while a host-level slowdown moves the peak by 25–35%. A change
 * above 10% is larger than the probe's own noise and as large as the effects runs are compared for.
 */
export const DRIFT_THRESHOLD = 0.1;

/** end ÷ start − 1 of the matmul peak. */
export function relativeDrift(start: number, end: number): number {
  return end / start - 1;
}

/** "34% slower", "12% faster": a relative change in words, by its sign. */
export function describeChange(change: number): string {
  return `${Math.round(Math.abs(change) * 100)}% ${change < 0 ? 'slower' : 'faster'}`;
}

/** The calibration with its end probe: the end figures and the matmul peak's drift. */
export function withEndProbe(start: Calibration, end: Pick<Calibration, 'peakMatmulGflops' | 'copyGBs'>): Calibration {
  return {
    ...start,
    end: { peakMatmulGflops: end.peakMatmulGflops, copyGBs: end.copyGBs },
    drift: relativeDrift(start.peakMatmulGflops, end.peakMatmulGflops),
  };
}

export function driftExceeds(cal: Calibration): boolean {
  return cal.drift !== undefined && Math.abs(cal.drift) > DRIFT_THRESHOLD;
}

/** "matmul peak 50.0 GFLOP/s at the start, 33.2 at the end (34% slower)". */
export function driftLine(cal: Calibration): string | undefined {
  if (cal.drift === undefined || !cal.end) return undefined;
  return `matmul peak ${cal.peakMatmulGflops.toFixed(1)} GFLOP/s at the start, ${cal.end.peakMatmulGflops.toFixed(1)} at the end (${describeChange(cal.drift)})`;
}

/** The run's warnings: one per backend whose calibrated peak drifted by more than DRIFT_THRESHOLD. */
export function driftWarnings(calibrations: readonly Calibration[]): RunWarning[] {
  return calibrations.filter(driftExceeds).map((cal) => ({
    kind: 'calibration-drift',
    backend: cal.backend,
    message: `${cal.backend}: ${driftLine(cal)}: the machine's speed changed under the run, so its timings mix two speeds`,
  }));
}
