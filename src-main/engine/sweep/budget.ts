/**
 * The time and memory budgets of a sweep. Before a point runs, its memory is the cost-model peak
 * (× B·H) and its time is predicted from the last measured point of the same curve scaled by the
 * cost model's FLOPs (or, without a cost model, by the curve's own exponent so far). A curve over
 * budget (or over the device limit) at one L skips every larger L without running.
 */
import type { PointRecord, PointStatus } from '../record/point.js';
import { fitScalingExponent } from '../stats/fit.js';
import { seriesKey, type PlannedPoint } from './plan.js';
import { costRecord, runsPerSample } from './point-record.js';
import type { SweepSettings } from './settings.js';

interface Measured {
  readonly L: number;
  readonly ms: number;
  readonly flops: number | null;
}

export interface BudgetVerdict {
  readonly status: PointStatus;
  readonly reason: string;
}

const keyOf = (p: PlannedPoint): string => seriesKey({ mixer: p.mixer.id, form: p.formId, backend: p.backend });

export class BudgetTracker {
  private readonly blocked = new Map<string, string>();
  private readonly history = new Map<string, Measured[]>();

  constructor(private readonly settings: SweepSettings) {}

  /** Predicted ms of one sample (B·H runs) at `point`, or undefined before the curve has a point. */
  predictMs(point: PlannedPoint): number | undefined {
    const seen = this.history.get(keyOf(point));
    const last = seen?.[seen.length - 1];
    if (!seen || !last) return undefined;
    const flops = point.cost ? point.cost.flops * runsPerSample(this.settings) : null;
    if (flops !== null && last.flops) return (last.ms * flops) / last.flops;
    const tail = seen.slice(-2);
    const exponent = tail.length === 2 && tail[0]!.L !== tail[1]!.L ? fitScalingExponent(tail).exponent : 1;
    return last.ms * (point.L / last.L) ** Math.max(exponent, 1);
  }

  check(point: PlannedPoint): BudgetVerdict | undefined {
    const blockedBy = this.blocked.get(keyOf(point));
    if (blockedBy) return { status: 'skipped', reason: blockedBy };
    if (point.cost) {
      const peak = costRecord(point.cost, this.settings.dtype, runsPerSample(this.settings)).peakBytes;
      if (peak > this.settings.memoryBudgetBytes) {
        return {
          status: 'over-budget',
          reason: `the cost model needs ${peak} bytes (peak × B·H), over the memory budget of ${this.settings.memoryBudgetBytes} bytes`,
        };
      }
    }
    const predicted = this.predictMs(point);
    if (predicted !== undefined && predicted > this.settings.timeBudgetMs) {
      return {
        status: 'over-budget',
        reason: `predicted ${predicted.toPrecision(4)} ms per sample ${point.cost ? 'from the cost model' : 'from the curve so far'}, over the time budget of ${this.settings.timeBudgetMs} ms`,
      };
    }
    return undefined;
  }

  observe(point: PlannedPoint, record: PointRecord): void {
    const key = keyOf(point);
    if (record.status === 'over-budget' || record.status === 'over-limit') {
      if (!this.blocked.has(key)) {
        const what = record.status === 'over-budget' ? 'over budget' : 'over the device limit';
        this.blocked.set(key, `not run: ${what} at smaller L = ${point.L}`);
      }
    } else if (record.status === 'ok' && record.stats) {
      const list = this.history.get(key) ?? [];
      list.push({ L: point.L, ms: record.stats.p50, flops: record.cost?.flops ?? null });
      this.history.set(key, list);
    }
  }
}
