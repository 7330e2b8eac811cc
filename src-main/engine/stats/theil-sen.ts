/**
 * Theil–Sen line: the slope is the median of the slopes between every pair of points with distinct
 * x, the intercept the median of y − slope·x. One wild point among n moves it little (breakdown
 * 29%), where least squares follows it; on log-log it is the scaling exponent of a time curve.
 */
import { percentileSorted } from './summary.js';

export interface Line {
  readonly slope: number;
  readonly intercept: number;
}

export function theilSen(xs: readonly number[], ys: readonly number[]): Line {
  const slopes: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) {
      const dx = xs[j]! - xs[i]!;
      if (dx !== 0) slopes.push((ys[j]! - ys[i]!) / dx);
    }
  }
  if (slopes.length === 0) throw new Error('a Theil–Sen fit needs at least two distinct x');
  const slope = percentileSorted(slopes.sort((a, b) => a - b), 50);
  const offsets = xs.map((x, i) => ys[i]! - slope * x).sort((a, b) => a - b);
  return { slope, intercept: percentileSorted(offsets, 50) };
}

/** 1 − SS_res/SS_tot of a given line; null when y has no variance. */
export function rSquared(xs: readonly number[], ys: readonly number[], line: Line): number | null {
  const my = ys.reduce((s, y) => s + y, 0) / ys.length;
  let ssTot = 0;
  let ssRes = 0;
  for (let i = 0; i < xs.length; i++) {
    ssTot += (ys[i]! - my) ** 2;
    ssRes += (ys[i]! - (line.intercept + line.slope * xs[i]!)) ** 2;
  }
  return ssTot === 0 ? null : 1 - ssRes / ssTot;
}
