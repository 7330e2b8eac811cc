/**
 * `mixscope compare` as text: who was compared, the environment diff, the geometric means, and
 * every row that is not `same`. Strings from the records are shown with control characters
 * escaped, so a hostile record cannot drive the terminal.
 */
import type { Comparison, ComparisonRow } from '../engine/compare/schema.js';
import type { CliIo } from './io.js';
import { printTable } from './table.js';

/** Control characters (ANSI escapes, newlines) as \\uXXXX. */
export function safe(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const num = (x: number | null, digits = 3): string => (x === null ? '—' : x.toPrecision(digits));

/** "1.230× (23.0% slower)", "0.2500× (4.00× faster)": percentages up to 2×, factors beyond. */
export function describeRatio(ratio: number | null): string {
  if (ratio === null) return '—';
  const factor = ratio >= 1 ? ratio : 1 / ratio;
  const change = factor >= 2 ? `${factor.toFixed(2)}×` : `${((factor - 1) * 100).toFixed(1)}%`;
  return `${ratio.toPrecision(4)}× (${change} ${ratio >= 1 ? 'slower' : 'faster'})`;
}

function rowCells(r: ComparisonRow, c: Comparison): string[] {
  const backend = r.baselineBackend === r.otherBackend ? r.baselineBackend : `${r.baselineBackend}→${r.otherBackend}`;
  return [
    safe(`${r.mixer}/${r.form}`),
    backend,
    ...(c.runs.length > 2 ? [safe(c.runs[r.otherRunIndex]?.label ?? r.otherRun)] : []),
    String(r.L),
    num(r.baselineMs),
    num(r.otherMs),
    num(r.ratio),
    r.ci ? `${num(r.ci[0])}–${num(r.ci[1])}` : '—',
    r.q === null ? '—' : r.q.toPrecision(2),
    r.verdict,
    safe(r.reason ?? ''),
  ];
}

export function printComparison(c: Comparison, io: CliIo): void {
  for (const [i, run] of c.runs.entries()) {
    const e = run.environment;
    const where = e.backends.map((b) => `${b.id}${b.adapter ? ` on ${b.adapter}${b.software ? ' (software)' : ''}` : ''}`).join(', ');
    io.stdout(`${i === 0 ? 'baseline' : `run ${i}   `}  ${safe(run.label)}  ${safe(e.cpu)}, ${safe(e.os)}; ${safe(where)}\n`);
  }
  io.stdout(c.environmentDiff.length === 0 ? '\nenvironment: no differences\n' : '\nenvironment differences:\n');
  for (const d of c.environmentDiff) {
    io.stdout(`  ${d.grade === 'caveat' ? 'caveat     ' : 'informative'}  ${safe(d.field)}: ${d.values.map((v) => safe(v.value ?? '—')).join(' | ')}  (${d.why})\n`);
  }
  io.stdout(`\ngeomean other/baseline: ${describeRatio(c.summary.geomean)}\n`);
  for (const g of c.summary.byMixer) {
    io.stdout(`  ${c.runs.length > 2 ? `${safe(c.runs[g.runIndex]?.label ?? g.run)}  ` : ''}${safe(g.mixer)}: ${describeRatio(g.geomean)} over ${g.rows} rows\n`);
  }
  const counts = Object.entries(c.summary.counts).map(([v, n]) => `${n} ${v}`).join(', ');
  io.stdout(`\n${c.rows.length} rows: ${counts} (threshold ±${(c.options.threshold * 100).toFixed(1)}%, q < ${c.options.alpha})\n`);
  for (const [name, pick] of [['best', c.summary.best], ['worst', c.summary.worst]] as const) {
    const r = pick && c.rows[pick.row];
    if (r) io.stdout(`  ${name}: ${safe(`${r.mixer}/${r.form}`)} at L = ${r.L}: ${describeRatio(r.ratio)}\n`);
  }
  const order = (r: ComparisonRow) => `${r.otherRunIndex}\u0000${r.mixer}\u0000${r.form}\u0000${r.baselineBackend}`;
  const notSame = c.rows.filter((r) => r.verdict !== 'same').sort((a, b) => order(a).localeCompare(order(b)) || a.L - b.L);
  if (notSame.length > 0) {
    io.stdout('\nrows that are not the same:\n');
    const header = ['mixer/form', 'backend', ...(c.runs.length > 2 ? ['run'] : []), 'L', 'base ms', 'other ms', 'ratio', '95% CI', 'q', 'verdict', 'reason'];
    printTable(io, header, notSame.map((r) => rowCells(r, c)));
  }
  const shifts = c.curves.series.filter((s) => s.exponentShift !== null && Math.abs(s.exponentShift) >= 0.1);
  if (shifts.length > 0) io.stdout(`\nexponent shifts ≥ 0.1: ${shifts.map((s) => `${safe(`${s.mixer}/${s.form}`)} ${num(s.baselineExponent)}→${num(s.otherExponent)}`).join(', ')}\n`);
  const moved = c.curves.crossovers.filter((x) => x.change === 'moved' || x.change === 'appeared' || x.change === 'vanished');
  if (moved.length > 0) io.stdout(`crossovers that moved, appeared or vanished: ${moved.length} of ${c.curves.crossovers.length}\n`);
  if (c.unmatched.length > 0) {
    io.stdout(`\n${c.unmatched.length} points without a partner (not compared), e.g.:\n`);
    for (const u of c.unmatched.slice(0, 5)) io.stdout(`  ${safe(`${u.mixer}/${u.form}`)} ${u.backend} L = ${u.L} in ${safe(c.runs[u.runIndex]?.label ?? u.run)}: ${safe(u.why)}\n`);
  }
}
