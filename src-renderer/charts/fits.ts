/**
 * The fitted exponent of each time curve: the record's own fit when the run is finished, else a
 * fit of the points so far (a live sweep), so the legend fills in as points arrive. A saved fit
 * also carries the exponent over the upper half of the lengths, where overheads no longer hide
 * the asymptotic slope.
 */
import { fitScalingExponent } from '@engine/stats/fit.js';
import type { ChartRun } from './chart-run.js';
import type { Curve } from './curves.js';

export interface CurveExponent {
  readonly whole: number;
  readonly tail?: number;
  /** 95% CIs of a saved v3 fit (Theil–Sen, bootstrap), and whether either is wider than ±0.1. */
  readonly ci?: { readonly lo: number; readonly hi: number };
  readonly tailCi?: { readonly lo: number; readonly hi: number };
  readonly wide?: boolean;
}

export function curveExponent(run: ChartRun, curve: Curve): CurveExponent | undefined {
  const saved = run.fits.find((f) => f.mixer === curve.mixer && f.form === curve.form && f.backend === curve.backend);
  if (saved) {
    return {
      whole: saved.exponent,
      ...(saved.tail ? { tail: saved.tail.exponent } : {}),
      ...(saved.ci ? { ci: saved.ci } : {}),
      ...(saved.tail?.ci ? { tailCi: saved.tail.ci } : {}),
      ...(saved.wide !== undefined ? { wide: saved.wide } : {}),
    };
  }
  const points = curve.points.filter((p) => p.stats !== null && p.stats.p50 > 0).map((p) => ({ L: p.L, ms: (p.stats?.p50 ?? 0) }));
  if (new Set(points.map((p) => p.L)).size < 2) return undefined;
  return { whole: fitScalingExponent(points).exponent };
}

/** `L^1.97` or `L^1.29 (tail 1.94)`: the legend suffix. */
export function exponentLabel(exponent: CurveExponent | undefined): string {
  if (!exponent) return '';
  const tail = exponent.tail === undefined ? '' : ` (tail ${exponent.tail.toFixed(2)})`;
  return `  L^${exponent.whole.toFixed(2)}${tail}`;
}

/** `exponent 1.97 (95% CI 1.95–1.99); tail 1.94 (95% CI 1.90–1.98)`, with a warning when wide: for tooltips. */
export function exponentCiText(exponent: CurveExponent | undefined): string {
  if (!exponent?.ci) return '';
  const tail = exponent.tail !== undefined && exponent.tailCi ? `; tail ${exponent.tail.toFixed(2)} (95% CI ${exponent.tailCi.lo.toFixed(2)}–${exponent.tailCi.hi.toFixed(2)})` : '';
  const wide = exponent.wide ? ' — wide CI, not conclusive' : '';
  return `exponent ${exponent.whole.toFixed(2)} (95% CI ${exponent.ci.lo.toFixed(2)}–${exponent.ci.hi.toFixed(2)})${tail}${wide}`;
}
