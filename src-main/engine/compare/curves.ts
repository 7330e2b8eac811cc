/**
 * Curve-level comparison of the baseline against one other run on one backend pairing: each
 * (mixer, form)'s scaling exponent in both runs, where each curve stopped, and how each crossover
 * moved. Both runs are fitted here by one method, least squares in log-log (stats/fit), so a shift
 * is never an artefact of two records fitted differently; crossovers (stats/crossover) are taken
 * between the pairs the sweep reports (sweep/analysis: forms of one mixer, and the softmax baseline
 * against every other mixer). The sweep's own bootstrap CIs are not recomputed: they cost seconds.
 */
import type { BackendId } from '../core/backend.js';
import type { PointRecord } from '../record/point.js';
import type { RunRecord } from '../record/schema.js';
import { BASELINE_MIXER, curvesOf } from '../sweep/analysis.js';
import { findCrossover, type CrossoverResult } from '../stats/crossover.js';
import { fitScalingExponent, type CurvePoint } from '../stats/fit.js';
import type { CrossoverShift, CurveShift, Frontier } from './schema.js';

type Curve = ReturnType<typeof curvesOf>[number];

const curveId = (c: { mixer: string; form: string }): string => JSON.stringify([c.mixer, c.form]);

interface CurveFit {
  readonly exponent: number;
  readonly tailExponent: number | null;
}

/** Exponent over every length, and over the upper half of 4 or more lengths (as sweep/analysis). */
export function fitCurve(points: readonly CurvePoint[]): CurveFit | undefined {
  const lengths = [...new Set(points.map((p) => p.L))].sort((a, b) => a - b);
  if (lengths.length < 2) return undefined;
  const fromL = lengths.length >= 4 ? lengths[Math.min(Math.floor(lengths.length / 2), lengths.length - 3)]! : undefined;
  return {
    exponent: fitScalingExponent(points).exponent,
    tailExponent: fromL === undefined ? null : fitScalingExponent(points.filter((p) => p.L >= fromL)).exponent,
  };
}

/** The largest ok L of one curve and what stopped it: the status of the first point past it. */
export function frontierOf(record: RunRecord, points: readonly PointRecord[]): Frontier {
  const sorted = [...points].sort((a, b) => a.L - b.L);
  const ok = sorted.filter((p) => p.status === 'ok');
  const maxL = ok.length > 0 ? ok[ok.length - 1]!.L : null;
  const past = sorted.find((p) => p.status !== 'ok' && (maxL === null || p.L > maxL));
  if (past) return { maxL, stoppedBy: past.status, reason: past.reason ?? null };
  const planned = Math.max(...record.settings.lengths);
  if (maxL !== null && maxL >= planned) return { maxL, stoppedBy: 'end-of-range', reason: null };
  return { maxL, stoppedBy: 'not-run', reason: record.status === 'complete' ? null : `the run is ${record.status}` };
}

interface SideCurves {
  readonly record: RunRecord;
  readonly backend: BackendId;
  readonly curves: Map<string, Curve>;
  readonly fits: Map<string, CurveFit>;
}

function sideCurves(record: RunRecord, backend: BackendId): SideCurves {
  const curves = curvesOf(record.points.filter((p) => p.backend === backend));
  return {
    record,
    backend,
    curves: new Map(curves.map((c) => [curveId(c), c])),
    fits: new Map(curves.flatMap((c) => {
      const fit = fitCurve(c.points);
      return fit ? [[curveId(c), fit] as const] : [];
    })),
  };
}

export interface CurveTarget {
  readonly baseline: RunRecord;
  readonly other: RunRecord;
  readonly otherRunIndex: number;
  readonly baselineBackend: BackendId;
  readonly otherBackend: BackendId;
  /** The (mixer, form) curves that have at least one row. */
  readonly forms: readonly { mixer: string; form: string }[];
}

export function compareCurves(target: CurveTarget): { series: CurveShift[]; crossovers: CrossoverShift[] } {
  const base = sideCurves(target.baseline, target.baselineBackend);
  const other = sideCurves(target.other, target.otherBackend);
  const pairing = { baselineBackend: target.baselineBackend, otherBackend: target.otherBackend, otherRun: target.other.id, otherRunIndex: target.otherRunIndex };
  const series = target.forms.map(({ mixer, form }): CurveShift => {
    const id = curveId({ mixer, form });
    const bf = base.fits.get(id);
    const of = other.fits.get(id);
    const pointsOf = (side: SideCurves) => side.record.points.filter((p) => p.backend === side.backend && p.mixer === mixer && p.form === form);
    return {
      mixer,
      form,
      ...pairing,
      baselineExponent: bf?.exponent ?? null,
      otherExponent: of?.exponent ?? null,
      exponentShift: bf && of ? of.exponent - bf.exponent : null,
      baselineTailExponent: bf?.tailExponent ?? null,
      otherTailExponent: of?.tailExponent ?? null,
      baseline: frontierOf(target.baseline, pointsOf(base)),
      other: frontierOf(target.other, pointsOf(other)),
    };
  });
  return { series, crossovers: crossoverShifts(base, other, pairing) };
}

type Side = CrossoverShift['baseline'];

function sideOf(side: SideCurves, a: string, b: string): Side {
  const ca = side.curves.get(a);
  const cb = side.curves.get(b);
  if (!ca || !cb) return { status: 'absent', L: null };
  const lengths = new Set(cb.points.map((p) => p.L));
  if (ca.points.filter((p) => lengths.has(p.L)).length < 2) return { status: 'absent', L: null };
  const result: CrossoverResult = findCrossover(ca.points, cb.points);
  return result.status === 'crosses' ? { status: 'crosses', L: result.L } : { status: result.status, L: null };
}

function changeOf(baseline: Side, other: Side): CrossoverShift['change'] {
  if (baseline.status === 'absent' || other.status === 'absent') return 'none';
  if (baseline.status === 'crosses' && other.status === 'crosses') {
    return Math.abs(other.L! / baseline.L! - 1) < 1e-9 ? 'unchanged' : 'moved';
  }
  if (other.status === 'crosses') return 'appeared';
  if (baseline.status === 'crosses') return 'vanished';
  return baseline.status === other.status ? 'unchanged' : 'moved';
}

/** a first when a is the faster of the two at the baseline's largest common length. */
function orient(side: SideCurves, a: string, b: string): [string, string] {
  const ca = side.curves.get(a);
  const cb = side.curves.get(b);
  if (!ca || !cb) return [a, b];
  const bByL = new Map(cb.points.map((p) => [p.L, p.ms]));
  const common = ca.points.filter((p) => bByL.has(p.L));
  const last = common[common.length - 1];
  return last && last.ms > bByL.get(last.L)! ? [b, a] : [a, b];
}

/** Every pair the sweep's crossover rule takes in either run, oriented as the baseline sees it. */
function crossoverShifts(base: SideCurves, other: SideCurves, pairing: Pick<CrossoverShift, 'baselineBackend' | 'otherBackend' | 'otherRun' | 'otherRunIndex'>): CrossoverShift[] {
  const ids = [...new Set([...base.curves.keys(), ...other.curves.keys()])];
  const pairs: [string, string][] = [];
  for (const [i, a] of ids.entries()) {
    for (const b of ids.slice(i + 1)) {
      const [am] = JSON.parse(a) as [string];
      const [bm] = JSON.parse(b) as [string];
      if (am === bm || (am === BASELINE_MIXER) !== (bm === BASELINE_MIXER)) pairs.push(orient(base, a, b));
    }
  }
  return pairs.map(([a, b]) => {
    const baseline = sideOf(base, a, b);
    const otherSide = sideOf(other, a, b);
    const [am, af] = JSON.parse(a) as [string, string];
    const [bm, bf] = JSON.parse(b) as [string, string];
    return {
      a: { mixer: am, form: af },
      b: { mixer: bm, form: bf },
      ...pairing,
      baseline,
      other: otherSide,
      change: changeOf(baseline, otherSide),
      shift: baseline.L !== null && otherSide.L !== null ? otherSide.L / baseline.L : null,
    };
  });
}
