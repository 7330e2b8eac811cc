/**
 * What a point's samples look like beyond their median: outliers (Tukey's far fences) and modes
 * (clusters of the log times). Both are recorded, never used to drop samples: the median and its
 * CI are already robust to a few outliers, and a second mode is a finding (a JIT tier change, a
 * frequency step, a burst of load) that the user should see.
 */
import { percentileSorted } from './summary.js';

export interface OutlierCount {
  readonly low: number;
  readonly high: number;
  readonly fences: [number, number];
}

/** Far fences Q1 − 3·IQR and Q3 + 3·IQR, the IQR floored at 1% of the median (timer granularity). */
export function countOutliers(sorted: readonly number[]): OutlierCount {
  const q1 = percentileSorted(sorted, 25);
  const q3 = percentileSorted(sorted, 75);
  const iqr = Math.max(q3 - q1, 0.01 * percentileSorted(sorted, 50));
  const fences: [number, number] = [q1 - 3 * iqr, q3 + 3 * iqr];
  let low = 0;
  let high = 0;
  for (const x of sorted) {
    if (x < fences[0]) low++;
    else if (x > fences[1]) high++;
  }
  return { low, high, fences };
}

export interface Mode {
  readonly centerMs: number;
  readonly count: number;
}

/** Below this many samples no split is tried: too few to tell a mode from chance. */
export const MIN_SAMPLES_FOR_MODES = 8;
/** A gap must exceed this many robust spreads of either side, and 5% in time. */
const GAP_IN_SPREADS = 4;
const MIN_LOG_GAP = Math.log(1.05);
/** Spread floor in log units: timings closer than 0.5% are one value. */
const MIN_LOG_SPREAD = 0.005;

function madSpread(xs: readonly number[]): number {
  const m = percentileSorted(xs, 50);
  const deviations = xs.map((x) => Math.abs(x - m)).sort((a, b) => a - b);
  return Math.max(1.4826 * percentileSorted(deviations, 50), MIN_LOG_SPREAD);
}

/** Splits sorted log times at the widest gap both sides of which hold enough samples, recursively. */
function split(logs: readonly number[], minSide: number, depth: number): number[][] {
  if (depth === 0 || logs.length < 2 * minSide) return [[...logs]];
  let best = -1;
  let bestGap = 0;
  for (let i = minSide - 1; i < logs.length - minSide; i++) {
    const gap = logs[i + 1]! - logs[i]!;
    if (gap > bestGap) [best, bestGap] = [i, gap];
  }
  if (best < 0 || bestGap < MIN_LOG_GAP) return [[...logs]];
  const left = logs.slice(0, best + 1);
  const right = logs.slice(best + 1);
  if (bestGap < GAP_IN_SPREADS * Math.max(madSpread(left), madSpread(right))) return [[...logs]];
  return [...split(left, minSide, depth - 1), ...split(right, minSide, depth - 1)];
}

/** Modes of the samples (ms), fastest first; one mode when nothing separates them. */
export function findModes(sorted: readonly number[]): Mode[] {
  const positive = sorted.filter((x) => x > 0);
  if (positive.length < MIN_SAMPLES_FOR_MODES) {
    return sorted.length > 0 ? [{ centerMs: percentileSorted(sorted, 50), count: sorted.length }] : [];
  }
  const minSide = Math.max(3, Math.ceil(0.1 * positive.length));
  const groups = split(positive.map(Math.log), minSide, 2);
  return groups.map((g) => ({ centerMs: Math.exp(percentileSorted(g, 50)), count: g.length }));
}
