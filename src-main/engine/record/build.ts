/**
 * A run record's life: started as 'running' with no points (so a crash leaves a readable file),
 * points appended as they land, then closed with the sweep's fits and crossovers.
 */
import type { SweepSettings } from '../sweep/settings.js';
import { driftWarnings } from './drift.js';
import type { Calibration, Environment } from './environment.js';
import type { PointRecord } from './point.js';
import { RECORD_FORMAT, RECORD_VERSION, type Crossover, type Fit, type RunRecord, type RunStatus } from './schema.js';

export interface RunStart {
  readonly id: string;
  readonly startedAt: string;
  readonly environment: Environment;
  readonly settings: SweepSettings;
  readonly calibration?: readonly Calibration[];
}

export function startRunRecord(start: RunStart): RunRecord {
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    id: start.id,
    status: 'running',
    startedAt: start.startedAt,
    environment: start.environment,
    settings: start.settings,
    points: [],
    fits: [],
    crossovers: [],
    ...(start.calibration ? { calibration: [...start.calibration] } : {}),
  };
}

export function appendPoint(record: RunRecord, point: PointRecord): RunRecord {
  return { ...record, points: [...record.points, point] };
}

export interface RunEnd {
  /** 'interrupted' is never written by the sweep that ran: a reader finds it after the writer died. */
  readonly status: Exclude<RunStatus, 'running' | 'interrupted'>;
  readonly finishedAt: string;
  readonly fits?: readonly Fit[];
  readonly crossovers?: readonly Crossover[];
  readonly failure?: string;
  /**
   * The calibrations again, with `valid` set by the sweep (a point above its roof invalidates it)
   * and the end probe (v7); a drift beyond DRIFT_THRESHOLD becomes a run warning.
   */
  readonly calibration?: readonly Calibration[];
}

export function finishRunRecord(record: RunRecord, end: RunEnd): RunRecord {
  const warnings = driftWarnings(end.calibration ?? record.calibration ?? []);
  return {
    ...record,
    status: end.status,
    finishedAt: end.finishedAt,
    fits: [...(end.fits ?? record.fits)],
    crossovers: [...(end.crossovers ?? record.crossovers)],
    ...(end.failure ? { failure: end.failure } : {}),
    ...(end.calibration ? { calibration: [...end.calibration] } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}

/** A sortable, file-name-safe id: UTC time to the millisecond plus a random suffix. */
export function newRunId(date: Date, random: () => number = Math.random): string {
  const stamp = date.toISOString().replace(/[-:]/g, '').replace('.', '-');
  const suffix = Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0');
  return `${stamp}-${suffix}`;
}
