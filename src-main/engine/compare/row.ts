/**
 * One matched point of the baseline against its partner: medians, ratio, bootstrap CI, Mann–Whitney
 * p, memory and roofline. The verdict needs the q-value of every row, so `decideVerdict` runs after
 * Benjamini–Hochberg; a side that is not ok or failed verification is `not-comparable` up front.
 */
import { createRng } from '../core/random.js';
import type { PointRecord } from '../record/point.js';
import { bootstrapMedianRatio } from '../stats/bootstrap.js';
import { mannWhitneyU } from '../stats/mann-whitney.js';
import { percentile } from '../stats/summary.js';
import type { MatchedPair } from './match.js';
import type { ComparisonOptions, ComparisonRow } from './schema.js';

/** Why a side cannot be compared, or undefined when it can. */
function notComparable(p: PointRecord, side: string): string | undefined {
  if (p.status !== 'ok') return `${side} point is ${p.status}${p.reason ? `: ${p.reason}` : ''}`;
  if (p.error && !p.error.pass) {
    const rel = p.error.relative === null ? 'NaN' : p.error.relative.toPrecision(3);
    return `${side} point failed verification (relative error ${rel}, tolerance ${p.error.tolerance})`;
  }
  return undefined;
}

function bytesOf(p: PointRecord): number | null {
  return p.allocatedBytes ?? p.cost?.peakBytes ?? null;
}

/** FNV-1a of the row's identity, so each row's bootstrap stream depends on the seed and the row only. */
function rowSeed(seed: number, key: string): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const median = (xs: readonly number[]): number | null => (xs.length > 0 ? percentile(xs, 50) : null);

export function compareRow(pair: MatchedPair, otherRun: string, otherRunIndex: number, options: ComparisonOptions): ComparisonRow {
  const { baseline: b, other: o } = pair;
  const baselineMs = median(b.samplesMs);
  const otherMs = median(o.samplesMs);
  const ratio = baselineMs !== null && otherMs !== null && baselineMs > 0 && otherMs > 0 ? otherMs / baselineMs : null;
  const bBytes = bytesOf(b);
  const oBytes = bytesOf(o);
  const row: ComparisonRow = {
    mixer: b.mixer,
    form: b.form,
    params: pair.params,
    dims: b.dims,
    batch: b.batch,
    heads: b.heads,
    dtype: b.dtype,
    L: b.L,
    baselineBackend: b.backend,
    otherBackend: o.backend,
    otherRun,
    otherRunIndex,
    baselineMs,
    otherMs,
    baselineSamples: b.samplesMs.length,
    otherSamples: o.samplesMs.length,
    ratio,
    ci: null,
    p: null,
    q: null,
    verdict: 'not-comparable',
    memoryRatio: bBytes && oBytes ? oBytes / bBytes : null,
    baselineRooflineFraction: b.rooflineFraction,
    otherRooflineFraction: o.rooflineFraction,
  };
  const reason = notComparable(b, 'baseline') ?? notComparable(o, 'other');
  if (reason) return { ...row, reason };
  if (b.samplesMs.length === 0 || o.samplesMs.length === 0) return { ...row, reason: 'a side has no samples' };
  const key = JSON.stringify([b.mixer, b.form, b.backend, o.backend, b.L, b.dims, otherRunIndex]);
  const ci = bootstrapMedianRatio(b.samplesMs, o.samplesMs, { resamples: options.resamples, confidence: options.confidence, rng: createRng(rowSeed(options.seed, key)) });
  const { p } = mannWhitneyU(b.samplesMs, o.samplesMs);
  return { ...row, ci, p, verdict: 'insufficient' };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** The verdict of a row that has its q-value (see schema.ts, rowSchema.verdict). */
export function decideVerdict(row: ComparisonRow, options: ComparisonOptions): ComparisonRow {
  if (row.verdict === 'not-comparable') return row;
  const short = [['baseline', row.baselineSamples], ['other', row.otherSamples]].filter(([, n]) => (n as number) < options.minSamples);
  if (short.length > 0) {
    return { ...row, verdict: 'insufficient', reason: `${short.map(([side, n]) => `${n} samples in the ${side}`).join(', ')}; a verdict needs ${options.minSamples} a side` };
  }
  if (row.ci === null || row.ratio === null || row.q === null) {
    return { ...row, verdict: 'insufficient', reason: 'a median of 0 ms: below the timer resolution' };
  }
  const t = options.threshold;
  if (row.ci[0] >= 1 - t && row.ci[1] <= 1 + t) return { ...row, verdict: 'same', reason: `CI within ±${percent(t)}` };
  if (row.q >= options.alpha) return { ...row, verdict: 'same', reason: `q = ${row.q.toPrecision(2)} ≥ ${options.alpha}` };
  if (row.ratio === 1) return { ...row, verdict: 'same', reason: 'equal medians' };
  return { ...row, verdict: row.ratio > 1 ? 'slower' : 'faster' };
}
