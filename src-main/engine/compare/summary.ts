/**
 * The comparison in a few numbers: verdict counts, and geometric means of the ratio (the mean that
 * treats 2× slower and 2× faster symmetrically) overall, per run, per mixer and per form, over every
 * row with a ratio that is not `not-comparable` (an `insufficient` row's median still counts); the
 * best and worst rows among those with a verdict (faster, slower, same), else among all of them.
 */
import { VERDICTS, type ComparisonRow, type ComparisonSummary, type RunSummary, type Verdict } from './schema.js';

function geomean(ratios: readonly number[]): number | null {
  if (ratios.length === 0) return null;
  return Math.exp(ratios.reduce((s, r) => s + Math.log(r), 0) / ratios.length);
}

function groupBy<K>(rows: readonly { row: ComparisonRow; ratio: number }[], key: (r: ComparisonRow) => string, head: (r: ComparisonRow) => K) {
  const groups = new Map<string, { head: K; ratios: number[] }>();
  for (const { row, ratio } of rows) {
    const k = key(row);
    const g = groups.get(k) ?? { head: head(row), ratios: [] };
    g.ratios.push(ratio);
    groups.set(k, g);
  }
  return [...groups.values()].map((g) => ({ ...g.head, geomean: geomean(g.ratios), rows: g.ratios.length }));
}

export function summarize(rows: readonly ComparisonRow[], runs: readonly RunSummary[]): ComparisonSummary {
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const row of rows) counts[row.verdict]++;
  const rated = rows.flatMap((row, index) => (row.ratio !== null && row.verdict !== 'not-comparable' ? [{ row, ratio: row.ratio, index }] : []));
  const run = (r: ComparisonRow) => ({ run: r.otherRun, runIndex: r.otherRunIndex });
  let best: (typeof rated)[number] | undefined;
  let worst: (typeof rated)[number] | undefined;
  const decided = rated.filter((r) => r.row.verdict !== 'insufficient');
  for (const r of decided.length > 0 ? decided : rated) {
    if (!best || r.ratio < best.ratio) best = r;
    if (!worst || r.ratio > worst.ratio) worst = r;
  }
  const byRun = groupBy(rated, (r) => String(r.otherRunIndex), run);
  return {
    counts,
    geomean: geomean(rated.map((r) => r.ratio)),
    byRun: runs.slice(1).map((r, i) => byRun.find((g) => g.runIndex === i + 1) ?? { run: r.id, runIndex: i + 1, geomean: null, rows: 0 }),
    byMixer: groupBy(rated, (r) => JSON.stringify([r.otherRunIndex, r.mixer]), (r) => ({ ...run(r), mixer: r.mixer })),
    byForm: groupBy(rated, (r) => JSON.stringify([r.otherRunIndex, r.mixer, r.form]), (r) => ({ ...run(r), mixer: r.mixer, form: r.form })),
    best: best ? { row: best.index, ratio: best.ratio } : null,
    worst: worst ? { row: worst.index, ratio: worst.ratio } : null,
  };
}
