/**
 * Owns the one sweep that may run at a time: starts it on this host's backends, saves each
 * finished point the moment it lands (the run file on disk is never behind the screen), streams
 * progress and points to every transport, and cancels within a second keeping what finished.
 */
import type { Backend } from '../engine/core/backend.js';
import { errorMessage } from '../engine/core/errors.js';
import type { RunEnd, RunStart } from '../engine/record/build.js';
import type { DType } from '../engine/core/tensor.js';
import type { Calibration, Environment } from '../engine/record/environment.js';
import type { PointRecord } from '../engine/record/point.js';
import { newRunId } from '../engine/record/build.js';
import type { SweepResult, SweepOptions } from '../engine/sweep/run.js';
import type { SweepSettings } from '../engine/sweep/settings.js';
import { validateSweepSettings } from '../engine/sweep/validate.js';
import { ContractError } from '../contract/envelope.js';
import type { Progress, SweepState } from '../contract/schemas.js';
import type { EventHub } from './event-hub.js';

/** The part of the run store a sweep writes through. */
export interface SweepStore {
  create(start: RunStart): Promise<unknown>;
  appendPoint(id: string, point: PointRecord): Promise<unknown>;
  finish(id: string, end: RunEnd): Promise<unknown>;
}

export interface SweepServiceDeps {
  readonly store: SweepStore;
  readonly hub: EventHub;
  /** The backends a sweep asks for, started (and kept) by the host. */
  backends(settings: SweepSettings): Promise<readonly Backend[]>;
  environment(backends: readonly Backend[]): Promise<Environment>;
  /** Each backend's roofline, measured before the sweep (the engine's calibrateBackends). */
  calibrate(backends: readonly Backend[], dtype: DType): Promise<Calibration[]>;
  /** The engine's runSweep; tests pass a scripted one. */
  runSweep(settings: SweepSettings, backends: readonly Backend[], options: SweepOptions): Promise<SweepResult>;
  readonly now?: () => Date;
}

interface ActiveSweep {
  readonly runId: string;
  readonly settings: SweepSettings;
  readonly controller: AbortController;
  progress?: Progress;
  finished: Promise<void>;
}

export class SweepService {
  private active: ActiveSweep | null = null;

  constructor(private readonly deps: SweepServiceDeps) {}

  async start(input: SweepSettings): Promise<{ runId: string }> {
    if (this.active) throw new ContractError('busy', `a sweep is already running (run ${this.active.runId}); cancel it first`);
    const settings = validateSweepSettings(input);
    const now = this.deps.now ?? (() => new Date());
    const runId = newRunId(now());
    const sweep: ActiveSweep = { runId, settings, controller: new AbortController(), finished: Promise.resolve() };
    this.active = sweep;
    try {
      const backends = await this.deps.backends(settings);
      const environment = await this.deps.environment(backends);
      const calibration = settings.calibrate === false ? [] : await this.deps.calibrate(backends, settings.dtype);
      await this.deps.store.create({ id: runId, startedAt: now().toISOString(), environment, settings, calibration });
      sweep.finished = this.run(sweep, backends, calibration);
    } catch (err) {
      this.active = null;
      throw err;
    }
    return { runId };
  }

  /** True when `runId` was running and is now stopping; its finished points stay saved. */
  cancel(runId: string): { cancelled: boolean } {
    if (this.active?.runId !== runId) return { cancelled: false };
    this.active.controller.abort();
    return { cancelled: true };
  }

  state(): SweepState {
    const a = this.active;
    if (!a) return { running: false };
    return { running: true, runId: a.runId, settings: a.settings, ...(a.progress ? { progress: a.progress } : {}) };
  }

  /** Resolves once no sweep is running (the app waits on it before quitting). */
  async idle(): Promise<void> {
    await this.active?.finished;
  }

  private async run(sweep: ActiveSweep, backends: readonly Backend[], calibration: readonly Calibration[]): Promise<void> {
    const { hub, store } = this.deps;
    const { runId } = sweep;
    const now = this.deps.now ?? (() => new Date());
    let saved = 0;
    let end: RunEnd;
    try {
      const result = await this.deps.runSweep(sweep.settings, backends, {
        signal: sweep.controller.signal,
        calibration,
        onPoint: async (point, index) => {
          await store.appendPoint(runId, point);
          saved++;
          hub.emit('point', { runId, index, point });
        },
        onProgress: (progress) => {
          sweep.progress = { runId, ...progress };
          hub.emit('progress', sweep.progress);
        },
      });
      end = {
        status: result.cancelled ? 'cancelled' : 'complete',
        finishedAt: now().toISOString(),
        fits: result.fits,
        crossovers: result.crossovers,
        ...(result.calibration ? { calibration: result.calibration } : {}),
      };
    } catch (err) {
      end = { status: 'failed', finishedAt: now().toISOString(), failure: errorMessage(err) };
      hub.emit('error', { runId, code: 'internal', message: `sweep ${runId} failed: ${errorMessage(err)}` });
    }
    try {
      await store.finish(runId, end);
    } catch (err) {
      hub.emit('error', { runId, code: 'io', message: `could not close run ${runId}: ${errorMessage(err)}` });
    }
    this.active = null;
    hub.emit('runFinished', { runId, status: end.status, points: saved, ...(end.failure ? { failure: end.failure } : {}) });
  }
}
