/**
 * A small comparison for the compare chart tests, made by hand so every value is known: a baseline
 * and one other run on `js`, two forms at four lengths. The other run is 2× slower on the quadratic
 * form, 2× faster on the linear one, except one point that failed; its label is hostile text.
 */
import { COMPARISON_FORMAT, COMPARISON_VERSION, type Comparison, type ComparisonRow, type Verdict } from '@engine/compare/schema.js';

export const FIXTURE_COMPARE_LENGTHS = [64, 128, 256, 512];
export const HOSTILE_LABEL = '<img src=x onerror=alert(1)>';

function runSummary(id: string, label: string) {
  return {
    id,
    label,
    status: 'complete',
    startedAt: '2026-12-01T00:00:00.000Z',
    points: 8,
    environment: { appVersion: '0.1.0', os: 'linux 6.1 x64', cpu: label, cores: 2, memoryBytes: 8 * 1024 ** 3, host: 'node (cli)', backends: [{ id: 'js' as const, host: 'node', adapter: null, software: null }] },
  };
}

function row(mixer: string, form: string, L: number, baselineMs: number, factor: number, verdict: Verdict, index: number): ComparisonRow {
  const failed = verdict === 'not-comparable';
  const ratio = failed ? null : factor;
  return {
    mixer,
    form,
    params: {},
    dims: { L, d: 64, dv: 64 },
    batch: 1,
    heads: 1,
    dtype: 'float32',
    L,
    baselineBackend: 'js',
    otherBackend: 'js',
    otherRun: 'other',
    otherRunIndex: 1,
    baselineMs,
    otherMs: failed ? null : baselineMs * factor,
    baselineSamples: 10,
    otherSamples: failed ? 0 : 10,
    ratio,
    ci: ratio === null ? null : [ratio * 0.95, ratio * 1.05],
    p: failed ? null : 1e-4 * (index + 1),
    q: failed ? null : 2e-4 * (index + 1),
    verdict,
    ...(failed ? { reason: 'other: failed (out of memory)' } : {}),
    memoryRatio: failed ? null : 1,
    baselineRooflineFraction: 0.1,
    otherRooflineFraction: failed ? null : 0.1 / factor,
  };
}

export function fixtureComparison(): Comparison {
  const rows: ComparisonRow[] = [];
  for (const L of FIXTURE_COMPARE_LENGTHS) rows.push(row('softmax-attention', 'materialized', L, 1e-4 * L * L, 2, 'slower', rows.length));
  for (const L of FIXTURE_COMPARE_LENGTHS) rows.push(row('linear-attention', 'recurrent', L, 0.0256 * L, 0.5, L === 512 ? 'not-comparable' : 'faster', rows.length));
  const frontier = { maxL: 512, stoppedBy: 'end-of-range', reason: null };
  return {
    format: COMPARISON_FORMAT,
    version: COMPARISON_VERSION,
    baseline: 'base',
    runs: [runSummary('base', 'laptop'), runSummary('other', HOSTILE_LABEL)],
    options: { threshold: 0.05, pairing: { mode: 'same-backend' }, seed: 1, resamples: 2000, confidence: 0.95, alpha: 0.05, minSamples: 5 },
    environmentDiff: [
      { field: 'cpu.model', values: [{ run: 'base', value: 'laptop' }, { run: 'other', value: HOSTILE_LABEL }], grade: 'informative', why: 'another CPU: what the comparison measures' },
      { field: 'app.version', values: [{ run: 'base', value: '0.1.0' }, { run: 'other', value: '0.2.0' }], grade: 'caveat', why: 'another app version may time differently' },
    ],
    rows,
    unmatched: [{ run: 'other', runIndex: 1, mixer: 'ssd', form: 'chunked', backend: 'js', L: 64, dims: { L: 64 }, status: 'ok', why: 'no such point in the baseline' }],
    curves: {
      series: [
        { mixer: 'softmax-attention', form: 'materialized', baselineBackend: 'js', otherBackend: 'js', otherRun: 'other', otherRunIndex: 1, baselineExponent: 2, otherExponent: 2, exponentShift: 0, baselineTailExponent: 2, otherTailExponent: 2, baseline: frontier, other: frontier },
        { mixer: 'linear-attention', form: 'recurrent', baselineBackend: 'js', otherBackend: 'js', otherRun: 'other', otherRunIndex: 1, baselineExponent: 1, otherExponent: 1.1, exponentShift: 0.1, baselineTailExponent: 1, otherTailExponent: null, baseline: frontier, other: { maxL: 256, stoppedBy: 'failed', reason: 'out of memory' } },
      ],
      crossovers: [
        {
          a: { mixer: 'linear-attention', form: 'recurrent' },
          b: { mixer: 'softmax-attention', form: 'materialized' },
          baselineBackend: 'js',
          otherBackend: 'js',
          otherRun: 'other',
          otherRunIndex: 1,
          baseline: { status: 'crosses', L: 256 },
          other: { status: 'crosses', L: 64 },
          change: 'moved',
          shift: 0.25,
        },
      ],
    },
    summary: {
      counts: { faster: 3, slower: 4, same: 0, insufficient: 0, 'not-comparable': 1 },
      geomean: Math.pow(2 ** 4 * 0.5 ** 3, 1 / 7),
      byRun: [{ run: 'other', runIndex: 1, geomean: Math.pow(2 ** 4 * 0.5 ** 3, 1 / 7), rows: 7 }],
      byMixer: [
        { run: 'other', runIndex: 1, mixer: 'softmax-attention', geomean: 2, rows: 4 },
        { run: 'other', runIndex: 1, mixer: 'linear-attention', geomean: 0.5, rows: 3 },
      ],
      byForm: [
        { run: 'other', runIndex: 1, mixer: 'softmax-attention', form: 'materialized', geomean: 2, rows: 4 },
        { run: 'other', runIndex: 1, mixer: 'linear-attention', form: 'recurrent', geomean: 0.5, rows: 3 },
      ],
      best: { row: 4, ratio: 0.5 },
      worst: { row: 0, ratio: 2 },
    },
  };
}
