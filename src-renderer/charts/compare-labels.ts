/**
 * How the compare view and the comparison report name things: a heatmap row (mixer.form with its
 * backend pair, and the run when several are compared), a run, a ratio, a verdict's mark. Every
 * string here may hold text from a record; callers show it as text or escape it.
 */
import type { Comparison, ComparisonRow, CrossoverShift, CurveShift, Verdict } from '@engine/compare/schema.js';

/** One mark per verdict, drawn in each heatmap cell: time went down, up, no change, too few samples, not comparable. */
export const VERDICT_MARKS: Readonly<Record<Verdict, string>> = {
  faster: '↓',
  slower: '↑',
  same: '=',
  insufficient: '?',
  'not-comparable': '×',
};

type Paired = Pick<ComparisonRow | CurveShift | CrossoverShift, 'baselineBackend' | 'otherBackend' | 'otherRunIndex'>;

export function backendPair(p: Pick<Paired, 'baselineBackend' | 'otherBackend'>): string {
  return p.baselineBackend === p.otherBackend ? p.baselineBackend : `${p.baselineBackend} → ${p.otherBackend}`;
}

export function runLabel(comparison: Comparison, index: number): string {
  return comparison.runs[index]?.label ?? `run ${index}`;
}

/** Whether more than one run is compared against the baseline (rows then name their run). */
export function severalOthers(comparison: Comparison): boolean {
  return comparison.runs.length > 2;
}

/** `softmax-attention.fused · js`, `… · wgsl → js`, plus `— <run label>` when several runs are compared. */
export function pairedCurveLabel(comparison: Comparison, p: Paired & { mixer: string; form: string }): string {
  const base = `${p.mixer}.${p.form} · ${backendPair(p)}`;
  return severalOthers(comparison) ? `${base} — ${runLabel(comparison, p.otherRunIndex)}` : base;
}

/** `1.234×`; ratios are other / baseline. */
export function formatRatio(ratio: number | null): string {
  return ratio === null ? '—' : `${ratio.toPrecision(4)}×`;
}

/** `1.50× slower`, `2.00× faster`, `no change`, read as "the other run is …". */
export function describeRatio(ratio: number | null): string {
  if (ratio === null) return '—';
  if (ratio === 1) return 'no change';
  return ratio > 1 ? `${ratio.toFixed(2)}× slower` : `${(1 / ratio).toFixed(2)}× faster`;
}

export function formatCi(ci: readonly [number, number] | null): string {
  return ci === null ? '—' : `[${ci[0].toPrecision(3)}, ${ci[1].toPrecision(3)}]`;
}

/** p- and q-values: three significant digits, exponent form below 1e-3. */
export function formatProbability(p: number | null): string {
  if (p === null) return '—';
  return p !== 0 && p < 1e-3 ? p.toExponential(2) : p.toPrecision(3);
}

export function formatSigned(x: number | null, digits = 2): string {
  if (x === null) return '—';
  return `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x).toFixed(digits)}`;
}
