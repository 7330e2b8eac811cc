/**
 * A run with its fits and crossovers: a finished record's own, else found once from the points so
 * far with the engine's analysis (whose intervals resample every point: too costly to repeat in
 * each chart and finding on every arriving point).
 */
import type { Scaling } from '@engine/core/mixer.js';
import { curvesOf, findCrossovers, fitCurves } from '@engine/sweep/analysis.js';
import type { ChartRun } from './chart-run.js';

export function withAnalysis(run: ChartRun, scaling: (mixer: string, form: string) => Scaling | undefined): ChartRun {
  if (run.fits.length > 0 && run.crossovers.length > 0) return run;
  const curves = curvesOf(run.points);
  return {
    ...run,
    fits: run.fits.length > 0 ? run.fits : fitCurves(curves, (c) => scaling(c.mixer, c.form) ?? null),
    crossovers: run.crossovers.length > 0 ? run.crossovers : findCrossovers(curves),
  };
}
