/**
 * When to stop warming up and when to stop sampling a point.
 * Warm-up: JIT tiers and caches settle over the first runs; a run is counted as warm once the last
 * WARM_WINDOW runs agree within WARM_SPREAD of their median (and the settings' minimum is met).
 * Sampling: until the 95% CI of the median is within ±target of it, with at least the minimum
 * count and visits; else until the point's time cap or the sample cap.
 */
import type { SamplingStop } from '../record/point.js';
import { medianCiSorted, relativeHalfWidth } from './median-ci.js';
import { percentileSorted } from './summary.js';

export const WARM_WINDOW = 3;
export const WARM_SPREAD = 0.05;

/** True when the last WARM_WINDOW warm-up times agree within ±WARM_SPREAD of their median. */
export function isWarm(runsMs: readonly number[], minRuns: number): boolean {
  if (runsMs.length < Math.max(minRuns, WARM_WINDOW)) return false;
  const last = runsMs.slice(-WARM_WINDOW).sort((a, b) => a - b);
  const median = percentileSorted(last, 50);
  return median > 0 && last[0]! >= median * (1 - WARM_SPREAD) && last[last.length - 1]! <= median * (1 + WARM_SPREAD);
}

export interface StopRule {
  /** Relative half-width of the median's CI to reach. */
  readonly target: number;
  /** Fewest samples and fewest summed sample time before the CI may stop sampling. */
  readonly minSamples: number;
  readonly minTimeMs: number;
  /** Fewest separate visits before the CI may stop sampling (2 when interleaved: one burst cannot fake a tight CI). */
  readonly minVisits: number;
  /** Sampling time (warm-up and samples, all visits) after which the point stops as it is. */
  readonly capMs: number;
  readonly maxSamples: number;
}

export interface SamplingState {
  readonly samplesMs: readonly number[];
  readonly visits: number;
  /** Time spent on the point so far, warm-up included. */
  readonly spentMs: number;
}

/** Why sampling stops now, or undefined to go on. */
export function stopReason(state: SamplingState, rule: StopRule): SamplingStop | undefined {
  const n = state.samplesMs.length;
  if (n >= rule.maxSamples) return 'max-samples';
  const total = state.samplesMs.reduce((s, x) => s + x, 0);
  if (n >= rule.minSamples && total >= rule.minTimeMs && state.visits >= rule.minVisits) {
    const sorted = [...state.samplesMs].sort((a, b) => a - b);
    const ci = medianCiSorted(sorted);
    if (ci && relativeHalfWidth(ci, percentileSorted(sorted, 50)) <= rule.target) return 'ci-reached';
  }
  if (state.spentMs >= rule.capMs) return 'time-cap';
  return undefined;
}
