/**
 * The fitted exponent of each time curve: the record's own fit when the run is finished, else a
 * fit of the points so far (a live sweep), so the legend fills in as points arrive.
 */
import { fitScalingExponent } from '@engine/stats/fit.js';
import type { ChartRun } from './chart-run.js';
import type { Curve } from './curves.js';

export function curveExponent(run: ChartRun, curve: Curve): number | undefined {
  const saved = run.fits.find((f) => f.mixer === curve.mixer && f.form === curve.form && f.backend === curve.backend);
  if (saved) return saved.exponent;
  const points = curve.points.filter((p) => p.stats !== null && p.stats.p50 > 0).map((p) => ({ L: p.L, ms: (p.stats?.p50 ?? 0) }));
  if (new Set(points.map((p) => p.L)).size < 2) return undefined;
  return fitScalingExponent(points).exponent;
}

/** `L^1.97`: the legend suffix. */
export function exponentLabel(exponent: number | undefined): string {
  return exponent === undefined ? '' : `  L^${exponent.toFixed(2)}`;
}
