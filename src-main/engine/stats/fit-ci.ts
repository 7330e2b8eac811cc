/**
 * Robust scaling fits and crossovers with 95% confidence intervals. The exponent is the Theil–Sen
 * slope of log(median ms) on log L; its CI comes from refitting on medians resampled from each
 * point's own samples (bootstrap, seeded), so a point measured loosely widens it and a tight curve
 * gets a tight CI. A crossover L gets its CI the same way, from the two curves resampled together.
 */
import { createRng, type Rng } from '../core/random.js';
import type { Interval } from '../record/point.js';
import { findCrossover, type CrossoverResult } from './crossover.js';
import type { CurvePoint } from './fit.js';
import { bootstrapMedians, type MedianDraw } from './resample.js';
import { rSquared, theilSen } from './theil-sen.js';
import { percentileSorted } from './summary.js';

export const BOOTSTRAP_REPLICATES = 400;
export const CI_LEVEL = 0.95;
/** An exponent CI wider than ±WIDE_EXPONENT is flagged wide. */
export const WIDE_EXPONENT = 0.1;

/** One measured point of a curve: its median and the samples it came from. */
export interface SampledPoint extends CurvePoint {
  /** Absent or empty: the median is taken as exact (no resampling). */
  readonly samplesMs?: readonly number[];
}

export interface RobustFit {
  readonly exponent: number;
  readonly intercept: number;
  readonly r2: number | null;
  readonly ci: Interval;
}

function interval(values: number[]): Interval {
  const sorted = values.sort((a, b) => a - b);
  const alpha = (1 - CI_LEVEL) / 2;
  return { lo: percentileSorted(sorted, 100 * alpha), hi: percentileSorted(sorted, 100 * (1 - alpha)), level: CI_LEVEL };
}

function drawsOf(points: readonly SampledPoint[], rng: Rng): MedianDraw[] {
  return points.map((p) => (p.samplesMs && p.samplesMs.length > 0 ? bootstrapMedians(p.samplesMs, rng) : () => p.ms));
}

/** Theil–Sen exponent of a curve with its bootstrap CI; seed makes the CI reproducible. */
export function fitRobust(points: readonly SampledPoint[], seed = 1, replicates = BOOTSTRAP_REPLICATES): RobustFit {
  for (const p of points) if (!(p.L > 0 && p.ms > 0)) throw new Error(`cannot fit log-log through L=${p.L}, ms=${p.ms}`);
  const xs = points.map((p) => Math.log(p.L));
  const ys = points.map((p) => Math.log(p.ms));
  const line = theilSen(xs, ys);
  const rng = createRng(seed);
  const draws = drawsOf(points, rng);
  const slopes: number[] = [];
  for (let r = 0; r < replicates; r++) slopes.push(theilSen(xs, draws.map((d) => Math.log(d()))).slope);
  return { exponent: line.slope, intercept: line.intercept, r2: rSquared(xs, ys, line), ci: interval(slopes) };
}

export function isWideExponent(ci: Interval): boolean {
  return (ci.hi - ci.lo) / 2 > WIDE_EXPONENT;
}

export interface CrossoverCi {
  readonly lo: number | null;
  readonly hi: number | null;
  readonly level: number;
  /** Share of resamples with the status of the measured curves. */
  readonly agreement: number;
}

/**
 * CI of where `faster` overtakes `slower`: each resample is mapped to L when it crosses, to 0 when
 * faster is ahead everywhere and to ∞ when it never gets ahead; an end at 0 or ∞ is open (null).
 */
export function crossoverCi(faster: readonly SampledPoint[], slower: readonly SampledPoint[], seed = 1, replicates = BOOTSTRAP_REPLICATES): CrossoverCi {
  const measured = findCrossover(faster, slower).status;
  const rng = createRng(seed);
  const fasterDraws = drawsOf(faster, rng);
  const slowerDraws = drawsOf(slower, rng);
  const values: number[] = [];
  let same = 0;
  for (let r = 0; r < replicates; r++) {
    const a = faster.map((p, i) => ({ L: p.L, ms: fasterDraws[i]!() }));
    const b = slower.map((p, i) => ({ L: p.L, ms: slowerDraws[i]!() }));
    const result: CrossoverResult = findCrossover(a, b);
    if (result.status === measured) same++;
    values.push(result.status === 'crosses' ? result.L : result.status === 'always' ? 0 : Infinity);
  }
  const ci = interval(values);
  return {
    lo: ci.lo > 0 && Number.isFinite(ci.lo) ? ci.lo : null,
    hi: Number.isFinite(ci.hi) && ci.hi > 0 ? ci.hi : null,
    level: CI_LEVEL,
    agreement: same / replicates,
  };
}

/** Wide: an open end, an L range over a factor 1.5, or under 90% of resamples agreeing. */
export function isWideCrossover(ci: CrossoverCi): boolean {
  return ci.lo === null || ci.hi === null || ci.hi / ci.lo > 1.5 || ci.agreement < 0.9;
}
