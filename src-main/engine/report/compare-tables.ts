/**
 * The tables of a comparison report: summary, environment diff, verdict rows, exponent and
 * crossover shifts, unmatched points, the runs. Shared by the HTML and Markdown reports.
 */
import type { Comparison, ComparisonRow, CrossoverShift, Frontier } from '../compare/schema.js';
import { formatBytes, formatMs, formatNumber, formatRatio, formatShift } from './format.js';
import type { ReportTable } from './table.js';

const curveName = (mixer: string, form: string) => `${mixer}.${form}`;
const backends = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
const runLabel = (c: Comparison, index: number) => c.runs[index]?.label ?? String(index);

export function comparisonSummaryTable(c: Comparison): ReportTable {
  const counts = Object.entries(c.summary.counts).map(([verdict, n]) => `${n} ${verdict}`).join(', ');
  const row = (at: { row: number; ratio: number } | null) => {
    const r = at ? c.rows[at.row] : undefined;
    return r ? `${curveName(r.mixer, r.form)} at L = ${r.L} (${backends(r.baselineBackend, r.otherBackend)}, ${runLabel(c, r.otherRunIndex)}): ${formatRatio(r.ratio)}` : '';
  };
  return {
    head: ['', ''],
    rows: [
      ['baseline', `${runLabel(c, 0)} (${c.baseline})`],
      ['compared', c.runs.slice(1).map((r) => r.label).join(', ')],
      ['geometric-mean ratio', `${formatRatio(c.summary.geomean)} (other / baseline; above 1: slower)`],
      ['verdicts', counts],
      ['best row', row(c.summary.best)],
      ['worst row', row(c.summary.worst)],
      ['noise threshold', `±${formatNumber(c.options.threshold * 100, 3)}%`],
      ['unmatched points', String(c.unmatched.length)],
    ],
  };
}

export function geomeanTable(c: Comparison): ReportTable {
  return {
    head: ['scope', 'geometric-mean ratio', 'rows'],
    rows: [
      ...c.summary.byRun.map((g) => [`run ${runLabel(c, g.runIndex)}`, formatRatio(g.geomean), String(g.rows)]),
      ...c.summary.byMixer.map((g) => [`mixer ${g.mixer}`, formatRatio(g.geomean), String(g.rows)]),
      ...c.summary.byForm.map((g) => [`form ${curveName(g.mixer, g.form)}`, formatRatio(g.geomean), String(g.rows)]),
    ],
    numeric: [1, 2],
  };
}

export function environmentDiffTable(c: Comparison): ReportTable {
  return {
    head: ['field', ...c.runs.map((r) => r.label), 'grade', 'why'],
    rows: c.environmentDiff.map((d) => [d.field, ...c.runs.map((_, i) => d.values[i]?.value ?? '—'), d.grade, d.why]),
    rowClass: c.environmentDiff.map((d) => `grade-${d.grade}`),
  };
}

/** Verdict rows; `only` keeps those whose verdict is listed (the Markdown report skips `same`). */
export function verdictTable(c: Comparison, only?: readonly ComparisonRow['verdict'][]): ReportTable {
  const rows = c.rows.filter((r) => !only || only.includes(r.verdict));
  return {
    head: ['curve', 'L', 'backends', 'run', 'baseline', 'other', 'ratio', '95% CI', 'p', 'q', 'verdict', 'memory ratio', 'reason'],
    rows: rows.map((r) => [
      curveName(r.mixer, r.form),
      String(r.L),
      backends(r.baselineBackend, r.otherBackend),
      runLabel(c, r.otherRunIndex),
      formatMs(r.baselineMs),
      formatMs(r.otherMs),
      formatRatio(r.ratio),
      r.ci ? `${formatNumber(r.ci[0])} – ${formatNumber(r.ci[1])}` : '',
      formatNumber(r.p, 3),
      formatNumber(r.q, 3),
      r.verdict,
      formatRatio(r.memoryRatio),
      r.reason ?? '',
    ]),
    numeric: [1, 4, 5, 6, 8, 9, 11],
    rowClass: rows.map((r) => `verdict-${r.verdict}`),
  };
}

function frontier(f: Frontier): string {
  return f.maxL === null ? `none (${f.stoppedBy})` : `${f.maxL}${f.stoppedBy === 'end-of-range' ? '' : ` (then ${f.stoppedBy})`}`;
}

export function exponentShiftTable(c: Comparison): ReportTable {
  return {
    head: ['curve', 'backends', 'run', 'baseline exponent', 'other exponent', 'shift', 'baseline tail', 'other tail', 'largest L (baseline)', 'largest L (other)'],
    rows: c.curves.series.map((s) => [
      curveName(s.mixer, s.form),
      backends(s.baselineBackend, s.otherBackend),
      runLabel(c, s.otherRunIndex),
      formatNumber(s.baselineExponent, 3),
      formatNumber(s.otherExponent, 3),
      formatShift(s.exponentShift),
      formatNumber(s.baselineTailExponent, 3),
      formatNumber(s.otherTailExponent, 3),
      frontier(s.baseline),
      frontier(s.other),
    ]),
    numeric: [3, 4, 5, 6, 7],
  };
}

function crossoverSide(side: CrossoverShift['baseline']): string {
  if (side.status === 'crosses' && side.L !== null) return `L ≈ ${Math.round(side.L)}`;
  return { always: 'whole range', never: 'never', absent: 'not measured', crosses: '' }[side.status];
}

export function crossoverShiftTable(c: Comparison): ReportTable {
  return {
    head: ['overtakes', 'curve', 'backends', 'run', 'baseline', 'other', 'change', 'other / baseline L'],
    rows: c.curves.crossovers.map((x) => [
      curveName(x.a.mixer, x.a.form),
      curveName(x.b.mixer, x.b.form),
      backends(x.baselineBackend, x.otherBackend),
      runLabel(c, x.otherRunIndex),
      crossoverSide(x.baseline),
      crossoverSide(x.other),
      x.change,
      formatRatio(x.shift),
    ]),
  };
}

export function unmatchedTable(c: Comparison): ReportTable {
  return {
    head: ['run', 'curve', 'backend', 'L', 'status', 'why'],
    rows: c.unmatched.map((u) => [runLabel(c, u.runIndex), curveName(u.mixer, u.form), u.backend, String(u.L), u.status, u.why]),
  };
}

export function runsTable(c: Comparison): ReportTable {
  return {
    head: ['run', 'id', 'status', 'started', 'points', 'app', 'OS', 'CPU', 'memory', 'backends'],
    rows: c.runs.map((r) => [
      r.label,
      r.id,
      r.status,
      r.startedAt,
      String(r.points),
      r.environment.appVersion,
      r.environment.os,
      `${r.environment.cpu} (${r.environment.cores} cores)`,
      formatBytes(r.environment.memoryBytes),
      r.environment.backends.map((b) => `${b.id}${b.adapter ? `: ${b.adapter}${b.software ? ' (software)' : ''}` : ''}`).join('; '),
    ]),
  };
}
