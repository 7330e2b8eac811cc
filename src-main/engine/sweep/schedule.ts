/**
 * The interleaved schedule. Every point gets its first visit in plan order (L ascending per curve,
 * so budgets can skip larger L, and one (mixer, L) at a time, so inputs and references are made
 * once). A point that needs more samples stays open, and rounds then revisit the open points in a
 * seeded random order, each visit adding a share of the point's time cap: samples of one point are
 * spread over the whole sweep, so drift and bursts of load fall on every L alike instead of lining
 * up with it. Samples go only where the CI is still wide. Kernels of open points stay prepared
 * while their memory is small; larger ones are released and prepared again on the next visit.
 */
import { createRng } from '../core/random.js';
import { DeviceLostError, HostCrashedError, MixscopeError } from '../core/errors.js';
import type { Calibration } from '../record/environment.js';
import type { PointRecord, SamplingStop } from '../record/point.js';
import { summarize } from '../stats/summary.js';
import { closePoint, RoofCheck } from './close-point.js';
import { releaseKernels, settleVerification, visitPoint, VISITS_PER_CAP, type MeasureContext, type PointSession } from './measure.js';
import type { SweepSettings } from './settings.js';

/** Open points keep their kernels prepared up to this many bytes in all. */
export const HOLD_BYTES = 256 * 1024 * 1024;
/** Rounds after the first visits; the per-point time cap normally ends sampling well before. */
export const MAX_ROUNDS = VISITS_PER_CAP + 2;

export interface RoundProgress {
  readonly round: number;
  readonly open: number;
}

export class Schedule {
  private readonly open: { session: PointSession; ctx: MeasureContext }[] = [];
  readonly roof = new RoofCheck();

  constructor(
    private readonly settings: SweepSettings,
    /** Lands a finished point (persisted and reported by the runner). */
    private readonly land: (record: PointRecord, session: PointSession) => Promise<void>,
  ) {}

  /** The point's record once its check is in (`waitForCheck: false`: at once, on cancel). */
  private async close(session: PointSession, ctx: MeasureContext, stop?: SamplingStop, waitForCheck = true): Promise<PointRecord> {
    releaseKernels(session);
    await settleVerification(session, waitForCheck);
    return closePoint(session, this.settings, this.roof, ctx.calibration, stop);
  }

  /** What the budget tracker should see of a point after its first visit (its provisional median). */
  provisional(session: PointSession): PointRecord {
    const stats = session.samplesMs.length > 0 ? summarize(session.samplesMs) : null;
    return { ...session.record, status: session.overBudget ? 'over-budget' : 'ok', stats };
  }

  /** After a first visit: lands the point when it is done, else keeps it open for the rounds. */
  async admit(session: PointSession, ctx: MeasureContext): Promise<void> {
    if ((this.settings.order ?? 'interleaved') === 'in-order') await this.finishInOrder(session, ctx);
    if (session.stop || session.overBudget) {
      await this.land(await this.close(session, ctx), session);
      return;
    }
    this.open.push({ session, ctx });
    this.holdWithinBudget();
  }

  /** In-order sampling: the point's later visits right away. */
  private async finishInOrder(session: PointSession, ctx: MeasureContext): Promise<void> {
    while (!session.stop && !session.overBudget && session.visits < MAX_ROUNDS + 1) await visitPoint(session, ctx);
    session.stop ??= 'rounds-spent';
  }

  private holdWithinBudget(): void {
    let held = 0;
    for (const { session } of this.open) {
      if (!session.kernels) continue;
      held += session.record.allocatedBytes ?? 0;
      if (held > HOLD_BYTES) releaseKernels(session);
    }
  }

  /** Revisits open points in seeded random order until each stops; `signal` ends it (points land as they are). */
  async refine(signal: AbortSignal | undefined, onRound?: (p: RoundProgress, session: PointSession) => void): Promise<'done' | 'cancelled'> {
    const rng = createRng(this.settings.seed ^ 0x5eed);
    for (let round = 1; round <= MAX_ROUNDS && this.open.length > 0; round++) {
      const order = [...this.open];
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(rng.uniform() * (i + 1));
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (const entry of order) {
        if (signal?.aborted) return this.landAll('rounds-spent', true).then(() => 'cancelled' as const);
        onRound?.({ round, open: this.open.length }, entry.session);
        try {
          await visitPoint(entry.session, entry.ctx);
        } catch (err) {
          if (err instanceof MixscopeError && err.code === 'cancelled') return this.landAll('rounds-spent', true).then(() => 'cancelled' as const);
          if (err instanceof DeviceLostError) {
            await this.lost(entry, err);
            continue;
          }
          entry.session.stop = 'rounds-spent';
        }
        if (entry.session.stop || entry.session.overBudget) {
          this.open.splice(this.open.indexOf(entry), 1);
          await this.land(await this.close(entry.session, entry.ctx), entry.session);
        }
      }
      this.holdWithinBudget();
    }
    await this.landAll('rounds-spent');
    return 'done';
  }

  /** A device loss or a host crash during a revisit: the point says so, as after a first visit, and the backend starts over. */
  private async lost(entry: { session: PointSession; ctx: MeasureContext }, err: DeviceLostError): Promise<void> {
    this.open.splice(this.open.indexOf(entry), 1);
    releaseKernels(entry.session);
    await entry.ctx.backend.reset?.().catch(() => undefined);
    const { session } = entry;
    const status = err instanceof HostCrashedError ? 'host-crashed' : 'device-lost';
    await this.land({ ...session.record, status, reason: err.message, samplesMs: session.samplesMs, gpuSamplesMs: session.gpuSamplesMs }, session);
  }

  /** Lands every open point with what it has (cancel, or the rounds are spent); on cancel, without waiting for checks still running. */
  async landAll(stop: SamplingStop, cancelled = false): Promise<void> {
    for (const { session, ctx } of this.open.splice(0)) await this.land(await this.close(session, ctx, stop, !cancelled), session);
  }

  validated(calibrations: readonly Calibration[]): Calibration[] {
    return this.roof.validated(calibrations);
  }
}
