/**
 * Closing a measured point: its samples summarized (median, CI, outliers, modes), its rates over
 * the median, and its roofline fraction held against an honest roof. A roof is the best the
 * backend can do, so a point above it means the calibration was not the best: the point keeps the
 * fraction it would have had as `aboveRoof`, its `rooflineFraction` is null, and the run's
 * calibration is flagged invalid (RoofCheck) instead of printing a fraction over 1.
 */
import type { BackendId } from '../core/backend.js';
import type { Calibration } from '../record/environment.js';
import type { PointRecord, Sampling, SamplingStop } from '../record/point.js';
import { countOutliers, findModes } from '../stats/distribution.js';
import { medianCiSorted } from '../stats/median-ci.js';
import { summarize } from '../stats/summary.js';
import { stopRule, type PointSession } from './measure.js';
import { achievedRates, rooflineFraction } from './point-record.js';
import type { SweepSettings } from './settings.js';

export class RoofCheck {
  private readonly above = new Map<BackendId, string>();

  /** The fraction to record, or aboveRoof when the point beat the roof (which is then invalid). */
  judge(record: PointRecord, medianMs: number, calibration?: Calibration): Pick<PointRecord, 'rooflineFraction' | 'aboveRoof'> {
    const fraction = rooflineFraction(record.cost, medianMs, calibration);
    if (fraction === null || fraction <= 1) return { rooflineFraction: fraction };
    if (!this.above.has(record.backend)) {
      this.above.set(record.backend, `${record.mixer}/${record.form} at L = ${record.L} ran at ${fraction.toFixed(2)} × the calibrated roof`);
    }
    return { rooflineFraction: null, aboveRoof: fraction };
  }

  /** The calibrations with `valid` set: false, with the first offending point, where a point beat the roof. */
  validated(calibrations: readonly Calibration[]): Calibration[] {
    return calibrations.map((c) => {
      const reason = this.above.get(c.backend);
      return reason ? { ...c, valid: false, invalidReason: reason } : { ...c, valid: true };
    });
  }
}

export function samplingOf(session: PointSession, settings: SweepSettings, stop: SamplingStop): Sampling {
  const sorted = [...session.samplesMs].sort((a, b) => a - b);
  const modes = findModes(sorted);
  const outliers = sorted.length > 0 ? countOutliers(sorted) : { low: 0, high: 0, fences: [0, 0] as [number, number] };
  return {
    warmupRuns: session.warmupRuns,
    visits: Math.max(1, session.visits),
    stop,
    target: stopRule(settings).target,
    medianCi: medianCiSorted(sorted),
    outliers,
    modes,
    multimodal: modes.length > 1,
  };
}

/** The point's final record; `stop` overrides the session's when sampling was cut short (cancel, rounds spent). */
export function closePoint(session: PointSession, settings: SweepSettings, roof: RoofCheck, calibration?: Calibration, stop?: SamplingStop): PointRecord {
  const { samplesMs, gpuSamplesMs } = session;
  const base = session.record;
  const sampling = samplingOf(session, settings, stop ?? session.stop ?? 'rounds-spent');
  const stats = samplesMs.length > 0 ? summarize(samplesMs) : null;
  if (session.overBudget) {
    return { ...base, status: 'over-budget', reason: session.overBudget, samplesMs, gpuSamplesMs, stats, sampling };
  }
  return {
    ...base,
    status: 'ok',
    samplesMs,
    gpuSamplesMs,
    stats,
    gpuStats: gpuSamplesMs.length === samplesMs.length && gpuSamplesMs.length > 0 ? summarize(gpuSamplesMs) : null,
    achieved: stats ? achievedRates(base.cost, stats.p50, settings.batch * session.point.L) : null,
    ...(stats ? roof.judge(base, stats.p50, calibration) : { rooflineFraction: null }),
    sampling,
  };
}
