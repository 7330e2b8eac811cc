/**
 * Forms whose error against the float64 reference comes near its tolerance (within a factor of
 * ten) or passes it: the forms of one mixer compute the same output, and the margin says how
 * safely (MIXERS.md: "that equality is a test").
 */
import type { PointRecord } from '../record/point.js';
import { listed, plural } from './text.js';
import { curveName, type Finding, type FindingsRun } from './types.js';

/** Errors above this fraction of the tolerance are "near" it. */
export const NEAR_TOLERANCE = 0.1;

function worstByCurve(points: readonly PointRecord[]): Map<string, { p: PointRecord; ratio: number }> {
  const worst = new Map<string, { p: PointRecord; ratio: number }>();
  for (const p of points) {
    if (!p.error) continue;
    const ratio = p.error.relative === null ? Number.POSITIVE_INFINITY : p.error.relative / p.error.tolerance;
    const key = curveName(p.mixer, p.form, p.backend);
    const seen = worst.get(key);
    if (!seen || ratio > seen.ratio || (!p.error.pass && seen.p.error?.pass)) worst.set(key, { p, ratio });
  }
  return worst;
}

function detail(key: string, p: PointRecord, ratio: number): string {
  const e = p.error!;
  if (e.relative === null) return `${key}: the output held NaN at L = ${p.L}.`;
  const share = ratio >= 1 ? `${ratio.toFixed(1)}× the tolerance` : `${(ratio * 100).toFixed(0)}% of the tolerance`;
  return `${key}: relative error ${e.relative.toExponential(1)} at L = ${p.L}, ${share} ${e.tolerance.toExponential(0)}${e.pass ? '' : ' (fails)'}.`;
}

export function equivalenceFindings(run: FindingsRun): Finding[] {
  const worst = [...worstByCurve(run.points).entries()].sort((a, b) => b[1].ratio - a[1].ratio);
  if (worst.length === 0) return [];
  const near = worst.filter(([, w]) => w.ratio >= NEAR_TOLERANCE || !w.p.error!.pass);
  const failing = near.filter(([, w]) => !w.p.error!.pass).length;
  const [topKey, top] = worst[0]!;
  const text =
    near.length === 0
      ? `Every form's error stays under a tenth of its tolerance (closest: ${topKey}, ${top.ratio === 0 ? 'exact' : `${(top.ratio * 100).toFixed(1)}%`}).`
      : `${plural(near.length, 'form')} come${near.length === 1 ? 's' : ''} within a factor of ten of the error tolerance${failing > 0 ? `, ${failing} over it` : ''}: ${listed(near.slice(0, 4).map(([k]) => k))}${near.length > 4 ? ' and more' : ''}.`;
  return [{ kind: 'equivalence', chart: 'equivalence', text, details: near.map(([k, w]) => detail(k, w.p, w.ratio)), curves: near.map(([k]) => k) }];
}
