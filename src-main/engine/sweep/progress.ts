/**
 * Progress of a sweep: done/total, the point now running, elapsed time and an ETA. The ETA weighs
 * each point by its cost-model FLOPs (4·L²·d for the reference, which has no model), so the long
 * quadratic points at large L are not estimated like the short ones at small L.
 */
import type { Clock } from '../backends/clock.js';
import type { SweepProgress } from './events.js';
import type { PlannedPoint } from './plan.js';
import type { RoundProgress } from './schedule.js';

function weight(p: PlannedPoint): number {
  return p.cost?.flops ?? 4 * p.L * p.L * (p.dims['d'] ?? 1);
}

export class Progress {
  private readonly t0: number;
  private done = 0;
  private doneWeight = 0;
  private readonly totalWeight: number;

  constructor(
    private readonly plan: readonly PlannedPoint[],
    private readonly now: Clock,
    private readonly emit?: (progress: SweepProgress) => void,
  ) {
    this.t0 = now();
    this.totalWeight = plan.reduce((n, p) => n + weight(p), 0);
  }

  private report(current?: PlannedPoint, round?: RoundProgress): void {
    if (!this.emit) return;
    const elapsedMs = this.now() - this.t0;
    const etaMs = this.doneWeight > 0 ? (elapsedMs * (this.totalWeight - this.doneWeight)) / this.doneWeight : undefined;
    this.emit({
      done: this.done,
      total: this.plan.length,
      ...(current ? { current: { mixer: current.mixer.id, form: current.formId, backend: current.backend, L: current.L } } : {}),
      elapsedMs,
      ...(etaMs !== undefined ? { etaMs } : {}),
      ...(current ? { phase: round ? 'refining' : 'first visit' } : {}),
      ...(round ? { round: round.round, open: round.open } : {}),
    });
  }

  start(point: PlannedPoint): void {
    this.report(point);
  }

  /** A revisit of an open point in refinement round `round.round`. */
  refining(point: PlannedPoint, round: RoundProgress): void {
    this.report(point, round);
  }

  finish(point: PlannedPoint): void {
    this.done++;
    this.doneWeight += weight(point);
  }

  end(): void {
    this.report();
  }
}
