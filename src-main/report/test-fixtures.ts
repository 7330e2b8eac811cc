/**
 * Records and a comparison for the report tests: the golden run record of the current version, a
 * hostile copy of it (markup and spreadsheet formulas wherever a record holds free text), and a
 * small hand-made comparison of two records, checked against the comparison schema.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { comparisonSchema, type Comparison } from '../engine/compare/schema.js';
import { parseRunRecord } from '../engine/record/parse.js';
import { RECORD_VERSION, type RunRecord } from '../engine/record/schema.js';

export const XSS = '<img src=x onerror=alert(1)>';
export const SCRIPT_BREAK = '</script><script>alert(2)</script>';
export const FORMULAS = ['=HYPERLINK("http://example.com","x")', '+cmd', '@x', '-1+1'] as const;

export function goldenRecord(): RunRecord {
  const file = fileURLToPath(new URL(`../engine/record/golden/valid-v${RECORD_VERSION}.json`, import.meta.url));
  return parseRunRecord(JSON.parse(readFileSync(file, 'utf8')));
}

/** The golden record with hostile text in the CPU model, adapter, runtime, mixer, form and reason fields (the form's reaches the charts). */
export function hostileRecord(): RunRecord {
  const record = structuredClone(goldenRecord());
  record.environment.cpu.model = XSS;
  for (const b of record.environment.backends) if (b.adapter) b.adapter.description = XSS;
  const [a, b, c, d] = record.points;
  if (!a || !b || !c || !d) throw new Error('the golden record has fewer than 4 points');
  a.mixer = FORMULAS[0];
  b.form = `${FORMULAS[1]} ${XSS}`;
  c.reason = FORMULAS[2];
  d.reason = `${FORMULAS[3]} ${SCRIPT_BREAK}`;
  record.environment.runtime['node'] = `${SCRIPT_BREAK} | *bold* [link](javascript:alert(3))`;
  return parseRunRecord(record);
}

/** `base` against `other`, one row per ok point of `base` with a partner (same mixer, form, backend, L). */
export function fixtureComparison(base: RunRecord, other: RunRecord, labels: readonly [string, string] = ['base', 'other']): Comparison {
  const rows = base.points.flatMap((p) => {
    const q = other.points.find((o) => o.mixer === p.mixer && o.form === p.form && o.backend === p.backend && o.L === p.L);
    if (!q) return [];
    const ok = p.status === 'ok' && q.status === 'ok' && p.stats && q.stats;
    const ratio = ok ? q.stats!.p50 / p.stats!.p50 : null;
    return [
      {
        mixer: p.mixer, form: p.form, params: {}, dims: p.dims, batch: p.batch, heads: p.heads, dtype: p.dtype, L: p.L,
        baselineBackend: p.backend, otherBackend: q.backend, otherRun: other.id, otherRunIndex: 1,
        baselineMs: p.stats?.p50 ?? null, otherMs: q.stats?.p50 ?? null, baselineSamples: p.samplesMs.length, otherSamples: q.samplesMs.length,
        ratio, ci: ratio === null ? null : ([ratio * 0.9, ratio * 1.1] as [number, number]), p: ok ? 0.01 : null, q: ok ? 0.02 : null,
        verdict: ok ? (ratio! > 1.05 ? 'slower' : ratio! < 0.95 ? 'faster' : 'same') : 'not-comparable',
        ...(ok ? {} : { reason: `baseline ${p.status}: ${p.reason ?? ''}` }),
        memoryRatio: null, baselineRooflineFraction: p.rooflineFraction, otherRooflineFraction: q.rooflineFraction,
      },
    ];
  });
  const summaryOf = (r: RunRecord, label: string) => ({
    id: r.id, label, status: r.status, startedAt: r.startedAt, points: r.points.length,
    environment: {
      appVersion: r.environment.app.version, os: r.environment.os.platform, cpu: r.environment.cpu.model, cores: r.environment.cpu.cores,
      memoryBytes: r.environment.memory.totalBytes, host: r.environment.host,
      backends: r.environment.backends.map((b) => ({ id: b.id, host: b.host, adapter: b.adapter?.description ?? null, software: b.adapter?.software ?? null })),
    },
  });
  const ratios = rows.flatMap((r) => (r.ratio === null ? [] : [r.ratio]));
  const geomean = ratios.length ? Math.exp(ratios.reduce((s, x) => s + Math.log(x), 0) / ratios.length) : null;
  return comparisonSchema.parse({
    format: 'mixscope-comparison', version: 1, baseline: base.id,
    runs: [summaryOf(base, labels[0]), summaryOf(other, labels[1])],
    options: { threshold: 0.05, pairing: { mode: 'same-backend' }, seed: 1, resamples: 200, confidence: 0.95, alpha: 0.05, minSamples: 5 },
    environmentDiff: [{ field: 'cpu.model', values: [{ run: base.id, value: base.environment.cpu.model }, { run: other.id, value: other.environment.cpu.model }], grade: 'informative', why: 'another CPU' }],
    rows,
    unmatched: [],
    curves: { series: [], crossovers: [] },
    summary: {
      counts: Object.fromEntries(['faster', 'slower', 'same', 'insufficient', 'not-comparable'].map((v) => [v, rows.filter((r) => r.verdict === v).length])),
      geomean, byRun: [{ run: other.id, runIndex: 1, geomean, rows: ratios.length }], byMixer: [], byForm: [], best: null, worst: null,
    },
  });
}

/** `record` with every sample (and its statistics) scaled by `factor`, under another id. */
export function scaledRecord(record: RunRecord, factor: number, id = `${record.id}-x${factor}`): RunRecord {
  const copy = structuredClone(record);
  copy.id = id;
  for (const p of copy.points) {
    p.samplesMs = p.samplesMs.map((s) => s * factor);
    if (p.stats) for (const k of ['min', 'p10', 'p50', 'p90', 'max', 'mean', 'iqr'] as const) p.stats[k] *= factor;
  }
  return copy;
}
