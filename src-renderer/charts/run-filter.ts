/**
 * The chart filter: which mixers, forms and backends every chart shows. The run is filtered once,
 * before the builders see it, so each chart draws exactly the same curves; crossovers stay only
 * where both of their forms are shown, calibrations only for backends shown.
 */
import type { PointRecord } from '@engine/record/schema.js';
import type { ChartRun } from './chart-run.js';
import { curveKey } from './curves.js';

export interface RunFilter {
  readonly hiddenMixers: ReadonlySet<string>;
  /** `mixer.form` keys. */
  readonly hiddenForms: ReadonlySet<string>;
  readonly hiddenBackends: ReadonlySet<string>;
}

export const SHOW_ALL: RunFilter = { hiddenMixers: new Set(), hiddenForms: new Set(), hiddenBackends: new Set() };

export function isShown(filter: RunFilter, p: { mixer: string; form: string; backend?: string }): boolean {
  return !filter.hiddenMixers.has(p.mixer) && !filter.hiddenForms.has(curveKey(p.mixer, p.form)) && (p.backend === undefined || !filter.hiddenBackends.has(p.backend));
}

export function isFiltering(filter: RunFilter): boolean {
  return filter.hiddenMixers.size + filter.hiddenForms.size + filter.hiddenBackends.size > 0;
}

export function filterRun(run: ChartRun, filter: RunFilter): ChartRun {
  if (!isFiltering(filter)) return run;
  return {
    settings: run.settings,
    points: run.points.filter((p: PointRecord) => isShown(filter, p)),
    fits: run.fits.filter((f) => isShown(filter, f)),
    crossovers: run.crossovers.filter((c) => !filter.hiddenBackends.has(c.backend) && isShown(filter, c.faster) && isShown(filter, c.slower)),
    calibration: (run.calibration ?? []).filter((c) => !filter.hiddenBackends.has(c.backend)),
  };
}

/** What the filter chips list: the mixers in order of appearance, each with its forms, and the backends. */
export function filterChoices(run: Pick<ChartRun, 'points'>): { mixers: { id: string; forms: string[] }[]; backends: string[] } {
  const mixers = new Map<string, Set<string>>();
  for (const p of run.points) mixers.set(p.mixer, (mixers.get(p.mixer) ?? new Set()).add(p.form));
  return {
    mixers: [...mixers.entries()].map(([id, forms]) => ({ id, forms: [...forms] })),
    backends: [...new Set(run.points.map((p) => p.backend))],
  };
}
