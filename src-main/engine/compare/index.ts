/**
 * Comparing run records: `compareRuns(records, options)` takes the first record as the baseline and
 * compares every other against it (schema.ts is the result's format). One record alone, or the
 * same record twice, with `pair` naming two of its backends compares those backends within it.
 */
import type { BackendId } from '../core/backend.js';
import { MixscopeError } from '../core/errors.js';
import type { RunRecord } from '../record/schema.js';
import { benjaminiHochberg } from '../stats/fdr.js';
import { compareCurves } from './curves.js';
import { environmentDiff } from './environment-diff.js';
import { backendPairs, matchPoints, type Side } from './match.js';
import { compareRow, decideVerdict } from './row.js';
import { summarizeRun } from './runs.js';
import { COMPARISON_FORMAT, COMPARISON_VERSION, type Comparison, type ComparisonOptions, type ComparisonRow, type CrossoverShift, type CurveShift, type UnmatchedPoint } from './schema.js';
import { summarize } from './summary.js';

export interface CompareOptions {
  /** Noise threshold, a fraction: CIs inside [1 − t, 1 + t] are `same`. Default 0.05. */
  readonly threshold?: number;
  /** Pair `baseline` in the baseline run with `other` in the others; default: each backend with itself. */
  readonly pair?: { readonly baseline: BackendId; readonly other: BackendId };
  /** Bootstrap seed (default 1) and resamples per row (default 2000). */
  readonly seed?: number;
  readonly resamples?: number;
  /** One label per record (file names); default: the run id. */
  readonly labels?: readonly string[];
}

export const DEFAULT_COMPARE_OPTIONS = { threshold: 0.05, seed: 1, resamples: 2000, confidence: 0.95, alpha: 0.05, minSamples: 5 } as const;

function resolveOptions(options: CompareOptions): ComparisonOptions {
  const threshold = options.threshold ?? DEFAULT_COMPARE_OPTIONS.threshold;
  if (!(threshold >= 0 && threshold < 1)) throw new MixscopeError(`threshold: expected a fraction in [0, 1), got ${threshold}`);
  const resamples = options.resamples ?? DEFAULT_COMPARE_OPTIONS.resamples;
  if (!(Number.isInteger(resamples) && resamples >= 100)) throw new MixscopeError(`resamples: expected an integer ≥ 100, got ${resamples}`);
  const seed = options.seed ?? DEFAULT_COMPARE_OPTIONS.seed;
  if (!Number.isInteger(seed)) throw new MixscopeError(`seed: expected an integer, got ${seed}`);
  return {
    ...DEFAULT_COMPARE_OPTIONS,
    threshold,
    resamples,
    seed,
    pairing: options.pair ? { mode: 'named', baseline: options.pair.baseline, other: options.pair.other } : { mode: 'same-backend' },
  };
}

export function compareRuns(input: readonly RunRecord[], options: CompareOptions = {}): Comparison {
  const resolved = resolveOptions(options);
  const records = input.length === 1 && options.pair ? [input[0]!, input[0]!] : input;
  if (records.length < 2) throw new MixscopeError('a comparison needs two runs, or one run and a backend pair (--pair A:B)');
  const withinOne = records.length === 2 && records[0]!.id === records[1]!.id;
  const labels = records.map((r, i) => {
    const label = options.labels?.[input.length === 1 ? 0 : i] ?? r.id;
    return withinOne && options.pair ? `${label} [${i === 0 ? options.pair.baseline : options.pair.other}]` : label;
  });
  const sides: Side[] = records.map((record, index) => ({ record, index, label: labels[index]! }));
  const runs = sides.map((s) => summarizeRun(s.record, s.label));
  const baseline = sides[0]!;

  let rows: ComparisonRow[] = [];
  const unmatched: UnmatchedPoint[] = [];
  const series: CurveShift[] = [];
  const crossovers: CrossoverShift[] = [];
  const pairLabels = new Map<string, [BackendId, BackendId]>();
  for (const other of sides.slice(1)) {
    const before = rows.length;
    for (const [bb, ob] of backendPairs(baseline.record, other.record, resolved.pairing)) {
      pairLabels.set(bb === ob ? bb : `${bb}/${ob}`, [bb, ob]);
      const matching = matchPoints(baseline, other, bb, ob);
      unmatched.push(...matching.unmatched);
      const pairRows = matching.pairs.map((pair) => compareRow(pair, other.record.id, other.index, resolved));
      rows.push(...pairRows);
      const forms = [...new Map(pairRows.map((r) => [JSON.stringify([r.mixer, r.form]), { mixer: r.mixer, form: r.form }])).values()];
      const curves = compareCurves({ baseline: baseline.record, other: other.record, otherRunIndex: other.index, baselineBackend: bb, otherBackend: ob, forms });
      series.push(...curves.series);
      crossovers.push(...curves.crossovers);
    }
    if (rows.length === before) {
      throw new MixscopeError(`${baseline.label} and ${other.label} have no point in common (same mixer, form, sizes, dtype and L on paired backends)`);
    }
  }

  const tested = rows.flatMap((row, i) => (row.p !== null ? [i] : []));
  const q = benjaminiHochberg(tested.map((i) => rows[i]!.p!));
  for (const [k, i] of tested.entries()) rows[i] = { ...rows[i]!, q: q[k]! };
  rows = rows.map((row) => decideVerdict(row, resolved));

  const labelsInOrder = [...pairLabels.keys()];
  const diffSides = records.map((record, i) => ({ record, backends: labelsInOrder.map((l) => pairLabels.get(l)![i === 0 ? 0 : 1]) }));
  return {
    format: COMPARISON_FORMAT,
    version: COMPARISON_VERSION,
    baseline: baseline.record.id,
    runs,
    options: resolved,
    environmentDiff: environmentDiff(diffSides, labelsInOrder),
    rows,
    unmatched,
    curves: { series, crossovers },
    summary: summarize(rows, runs),
  };
}

export * from './schema.js';
export { parseComparison } from './parse.js';
