/**
 * Matching points across two runs: the same (mixer, form, parameters, sizes, batch, heads, dtype, L)
 * on paired backends. A point without a partner is returned as unmatched with the nearest reason
 * (the curve is missing, this L is missing, or the sizes differ), never dropped.
 */
import type { BackendId } from '../core/backend.js';
import type { PointRecord } from '../record/point.js';
import type { RunRecord } from '../record/schema.js';
import type { Pairing, UnmatchedPoint } from './schema.js';

export interface Side {
  readonly record: RunRecord;
  readonly index: number;
  readonly label: string;
}

export interface MatchedPair {
  readonly baseline: PointRecord;
  readonly other: PointRecord;
  readonly params: Record<string, number | string>;
}

/** JSON with sorted keys, so {a, b} and {b, a} give one key. */
function canonical(value: Record<string, unknown>): string {
  return JSON.stringify(Object.keys(value).sort().map((k) => [k, value[k]]));
}

export function paramsOf(record: RunRecord, mixer: string): Record<string, number | string> {
  return record.settings.params[mixer] ?? {};
}

function curveKey(p: PointRecord): string {
  return JSON.stringify([p.mixer, p.form]);
}

function sizeKey(record: RunRecord, p: PointRecord): string {
  return JSON.stringify([p.mixer, p.form, canonical(paramsOf(record, p.mixer)), canonical(p.dims), p.batch, p.heads, p.dtype, p.L]);
}

/** The backend each side contributes for a pairing: every backend, or the one named. */
export function backendPairs(baseline: RunRecord, other: RunRecord, pairing: Pairing): [BackendId, BackendId][] {
  if (pairing.mode === 'named') return [[pairing.baseline, pairing.other]];
  const inOther = new Set(other.points.map((p) => p.backend));
  const shared = [...new Set(baseline.points.map((p) => p.backend))].filter((b) => inOther.has(b));
  const only = [...new Set([...baseline.points, ...other.points].map((p) => p.backend))].filter((b) => !shared.includes(b));
  return [...shared, ...only].map((b) => [b, b]);
}

function unmatched(side: Side, p: PointRecord, why: string): UnmatchedPoint {
  return { run: side.record.id, runIndex: side.index, mixer: p.mixer, form: p.form, backend: p.backend, L: p.L, dims: p.dims, status: p.status, why };
}

/** Why `p` of one side has no partner among `partners` (points of the other side's paired backend). */
function whyUnmatched(p: PointRecord, partners: readonly PointRecord[], partnerLabel: string, partnerBackend: BackendId): string {
  const sameCurve = partners.filter((q) => curveKey(q) === curveKey(p));
  if (sameCurve.length === 0) return `${partnerLabel} has no ${p.mixer}/${p.form} on ${partnerBackend}`;
  if (!sameCurve.some((q) => q.L === p.L)) return `${partnerLabel} did not reach L = ${p.L} on ${partnerBackend}`;
  return `${partnerLabel} ran ${p.mixer}/${p.form} at L = ${p.L} with other sizes, parameters, batch, heads or dtype`;
}

export interface Matching {
  readonly pairs: MatchedPair[];
  readonly unmatched: UnmatchedPoint[];
}

/** Pairs the points of `baselineBackend` in the baseline with those of `otherBackend` in the other. */
export function matchPoints(baseline: Side, other: Side, baselineBackend: BackendId, otherBackend: BackendId): Matching {
  const base = baseline.record.points.filter((p) => p.backend === baselineBackend);
  const oth = other.record.points.filter((p) => p.backend === otherBackend);
  const byKey = new Map<string, PointRecord>();
  const out: Matching = { pairs: [], unmatched: [] };
  for (const p of oth) {
    const key = sizeKey(other.record, p);
    if (byKey.has(key)) out.unmatched.push(unmatched(other, p, `a second point with the same sizes and L in ${other.label}; the first is compared`));
    else byKey.set(key, p);
  }
  const used = new Set<PointRecord>();
  const seen = new Set<string>();
  for (const p of base) {
    const key = sizeKey(baseline.record, p);
    const partner = byKey.get(key);
    if (seen.has(key)) {
      out.unmatched.push(unmatched(baseline, p, `a second point with the same sizes and L in ${baseline.label}; the first is compared`));
    } else if (!partner) {
      out.unmatched.push(unmatched(baseline, p, whyUnmatched(p, oth, other.label, otherBackend)));
    } else {
      used.add(partner);
      out.pairs.push({ baseline: p, other: partner, params: paramsOf(baseline.record, p.mixer) });
    }
    seen.add(key);
  }
  for (const p of byKey.values()) {
    if (!used.has(p)) out.unmatched.push(unmatched(other, p, whyUnmatched(p, base, baseline.label, baselineBackend)));
  }
  return out;
}
