/**
 * When to stop warming up and when to stop sampling a point.
 * Warm-up: JIT tiers and caches settle over the first runs; a run is counted as warm once the last
 * WARM_WINDOW runs agree within WARM_SPREAD of their median (and the settings' minimum is met).
 * Sampling: until the 95% CI of the median is within ±target of it, with at least the minimum
 * count and visits, and the visits agree; else until the point's time cap or the sample cap.
 *
 * Why the visits must agree: the CI of the median assumes independent samples, but on a shared
 * machine a kernel's time can sit at one level for a whole visit and at another (10–60% away) in
 * the next, as caches, page placement and neighbours change between visits. Two visits at two
 * levels give a tight CI around whichever level has more samples, and a second run of the sweep
 * lands elsewhere. So the CI stops a point only once every visit with enough samples of its own
 * has its median within ±VISIT_SPREAD_FACTOR·target of the pooled median; until then the point
 * is revisited (more visits, each short), and the pooled median averages over the levels it met.
 */
import type { SamplingStop } from '../record/point.js';
import { medianCiSorted, relativeHalfWidth } from './median-ci.js';
import { percentileSorted } from './summary.js';

export const WARM_WINDOW = 3;
/** A visit's median may differ from the pooled median by this many CI targets before the visits disagree. */
export const VISIT_SPREAD_FACTOR = 2;
/** A visit needs this many samples of its own before its median is compared with the others'. */
export const VISIT_MIN_SAMPLES = 3;
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
  /** Where each visit's samples begin in samplesMs (absent: the visits are not told apart). */
  readonly visitStarts?: readonly number[];
}

/** The medians of the visits that have VISIT_MIN_SAMPLES samples or more, in visit order. */
export function visitMedians(state: Pick<SamplingState, 'samplesMs' | 'visitStarts'>): number[] {
  const starts = state.visitStarts ?? [];
  const medians: number[] = [];
  for (const [i, start] of starts.entries()) {
    const own = state.samplesMs.slice(start, starts[i + 1] ?? state.samplesMs.length);
    if (own.length >= VISIT_MIN_SAMPLES) medians.push(percentileSorted([...own].sort((a, b) => a - b), 50));
  }
  return medians;
}

/** True unless two or more visits can be compared and one's median is off the pooled median by more than the spread. */
export function visitsAgree(state: Pick<SamplingState, 'samplesMs' | 'visitStarts'>, pooledMedian: number, target: number): boolean {
  const medians = visitMedians(state);
  if (medians.length < 2) return true;
  return medians.every((m) => Math.abs(m / pooledMedian - 1) <= VISIT_SPREAD_FACTOR * target);
}

/**
 * Visits with VISIT_MIN_SAMPLES samples or more (a revisit that only warmed up, or took a sample
 * or two, says little of its level), or all visits when they are not told apart.
 */
function sampledVisits(state: SamplingState): number {
  const starts = state.visitStarts;
  if (!starts) return state.visits;
  return starts.filter((start, i) => (starts[i + 1] ?? state.samplesMs.length) - start >= VISIT_MIN_SAMPLES).length;
}

/** Whether the median's CI is within the target (with the minimum samples, time and visits met), and whether the visits agree. */
export function ciState(state: SamplingState, rule: StopRule): { readonly tight: boolean; readonly agree: boolean } {
  const n = state.samplesMs.length;
  const total = state.samplesMs.reduce((s, x) => s + x, 0);
  if (n < rule.minSamples || total < rule.minTimeMs || sampledVisits(state) < rule.minVisits) return { tight: false, agree: true };
  const sorted = [...state.samplesMs].sort((a, b) => a - b);
  const ci = medianCiSorted(sorted);
  const median = percentileSorted(sorted, 50);
  const tight = ci !== null && relativeHalfWidth(ci, median) <= rule.target;
  return { tight, agree: visitsAgree(state, median, rule.target) };
}

/** Why sampling stops now, or undefined to go on. */
export function stopReason(state: SamplingState, rule: StopRule): SamplingStop | undefined {
  if (state.samplesMs.length >= rule.maxSamples) return 'max-samples';
  const { tight, agree } = ciState(state, rule);
  if (tight && agree) return 'ci-reached';
  if (state.spentMs >= rule.capMs) return 'time-cap';
  return undefined;
}
