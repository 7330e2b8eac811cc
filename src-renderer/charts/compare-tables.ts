/**
 * The compare view's tables as display rows, pure so the app and the HTML/Markdown reports show
 * the same words: exponent shifts with each curve's frontier, crossover shifts, the summary
 * (geomeans, best and worst row, verdict counts) and the unmatched points. Strings may hold text
 * from a record: show them as text (Vue interpolation) or escape them.
 */
import type { Comparison, CrossoverShift, Frontier, Verdict } from '@engine/compare/schema.js';
import { VERDICTS } from '@engine/compare/schema.js';
import { backendPair, describeRatio, formatCi, formatRatio, formatSigned, pairedCurveLabel, runLabel, severalOthers } from './compare-labels.js';
import { curveKey } from './curves.js';

export interface ExponentShiftRow {
  readonly curve: string;
  readonly baseline: string;
  readonly other: string;
  readonly shift: string;
  readonly tail: string;
  /** The largest L each side reached and what stopped it: `2048 → 1024 (over-budget)`. */
  readonly frontier: string;
}

const exponent = (x: number | null): string => (x === null ? '—' : x.toFixed(2));

function frontierText(f: Frontier): string {
  const L = f.maxL === null ? 'none' : String(f.maxL);
  return f.stoppedBy === 'end-of-range' ? L : `${L} (${f.stoppedBy}${f.reason ? `: ${f.reason}` : ''})`;
}

export function exponentShiftRows(comparison: Comparison): ExponentShiftRow[] {
  return comparison.curves.series.map((s) => ({
    curve: pairedCurveLabel(comparison, s),
    baseline: exponent(s.baselineExponent),
    other: exponent(s.otherExponent),
    shift: formatSigned(s.exponentShift),
    tail: `${exponent(s.baselineTailExponent)} → ${exponent(s.otherTailExponent)}`,
    frontier: `${frontierText(s.baseline)} → ${frontierText(s.other)}`,
  }));
}

export interface CrossoverShiftRow {
  /** `linear-attention.recurrent overtakes softmax-attention.materialized`. */
  readonly pair: string;
  readonly backends: string;
  readonly run: string;
  readonly baseline: string;
  readonly other: string;
  readonly change: CrossoverShift['change'];
  /** `×0.25 (earlier)`; empty unless both runs cross. */
  readonly shift: string;
}

function crossing(side: CrossoverShift['baseline']): string {
  if (side.status === 'crosses' && side.L !== null) return `from L ≈ ${Math.round(side.L)}`;
  if (side.status === 'always') return 'whole range';
  if (side.status === 'never') return 'never';
  return '—';
}

export function crossoverShiftRows(comparison: Comparison): CrossoverShiftRow[] {
  return comparison.curves.crossovers.map((c) => ({
    pair: `${curveKey(c.a.mixer, c.a.form)} overtakes ${curveKey(c.b.mixer, c.b.form)}`,
    backends: backendPair(c),
    run: runLabel(comparison, c.otherRunIndex),
    baseline: crossing(c.baseline),
    other: crossing(c.other),
    change: c.change,
    shift: c.shift === null ? '' : `×${c.shift.toPrecision(3)} (${c.shift < 1 ? 'earlier' : c.shift > 1 ? 'later' : 'same L'})`,
  }));
}

/** Crossovers that moved, appeared or vanished first (what a reader looks for), then the rest. */
export function changedFirst(rows: readonly CrossoverShiftRow[]): { changed: CrossoverShiftRow[]; unchanged: CrossoverShiftRow[] } {
  const quiet = (r: CrossoverShiftRow) => r.change === 'unchanged' || r.change === 'none';
  return { changed: rows.filter((r) => !quiet(r)), unchanged: rows.filter(quiet) };
}

export interface SummaryLine {
  readonly label: string;
  readonly ratio: string;
  readonly reading: string;
  readonly rows: number;
}

export interface ExtremeRow {
  readonly curve: string;
  readonly L: number;
  readonly ratio: string;
  readonly reading: string;
  readonly ci: string;
  readonly verdict: Verdict;
}

export interface CompareSummary {
  readonly overall: SummaryLine;
  readonly byRun: SummaryLine[];
  readonly byMixer: SummaryLine[];
  readonly byForm: SummaryLine[];
  readonly best: ExtremeRow | null;
  readonly worst: ExtremeRow | null;
  /** Verdict counts in VERDICTS order, zeros included. */
  readonly counts: { verdict: Verdict; rows: number }[];
}

/** Per-run lines name their run when several runs are compared against the baseline. */
function ofRun(comparison: Comparison, label: string, runIndex: number): string {
  return severalOthers(comparison) ? `${label} — ${runLabel(comparison, runIndex)}` : label;
}

function line(label: string, geomean: number | null, rows: number): SummaryLine {
  return { label, ratio: formatRatio(geomean), reading: describeRatio(geomean), rows };
}

function extreme(comparison: Comparison, pick: { row: number } | null): ExtremeRow | null {
  const row = pick ? comparison.rows[pick.row] : undefined;
  if (!row) return null;
  return { curve: pairedCurveLabel(comparison, row), L: row.L, ratio: formatRatio(row.ratio), reading: describeRatio(row.ratio), ci: formatCi(row.ci), verdict: row.verdict };
}

export function compareSummary(comparison: Comparison): CompareSummary {
  const s = comparison.summary;
  const rated = s.byRun.reduce((n, r) => n + r.rows, 0);
  return {
    overall: line('all rows', s.geomean, rated),
    byRun: s.byRun.map((r) => line(runLabel(comparison, r.runIndex), r.geomean, r.rows)),
    byMixer: s.byMixer.map((m) => line(ofRun(comparison, m.mixer, m.runIndex), m.geomean, m.rows)),
    byForm: s.byForm.map((f) => line(ofRun(comparison, curveKey(f.mixer, f.form), f.runIndex), f.geomean, f.rows)),
    best: extreme(comparison, s.best),
    worst: extreme(comparison, s.worst),
    counts: VERDICTS.map((verdict) => ({ verdict, rows: s.counts[verdict] ?? 0 })),
  };
}

export interface UnmatchedRow {
  readonly run: string;
  readonly point: string;
  readonly L: number;
  readonly status: string;
  readonly why: string;
}

export function unmatchedRows(comparison: Comparison): UnmatchedRow[] {
  return comparison.unmatched.map((u) => ({
    run: runLabel(comparison, u.runIndex),
    point: curveKey(u.mixer, u.form, u.backend),
    L: u.L,
    status: u.status,
    why: u.why,
  }));
}
