/**
 * The findings of a run: a few plain sentences read off the record, each naming the chart that
 * shows it and the curves it speaks of, so a reader can go from the sentence to the evidence.
 */
import type { Scaling } from '../core/mixer.js';
import type { RunRecord } from '../record/schema.js';

/** What the findings read: a saved record, or the part of one a live sweep has so far. */
export type FindingsRun = Pick<RunRecord, 'settings' | 'points' | 'fits' | 'crossovers'>;

export type FindingKind = 'fastest' | 'crossover' | 'reach' | 'equivalence' | 'exponent';

/** The chart a finding links to (the renderer's `data-chart` names). */
export type FindingChart = 'time' | 'fastest' | 'crossovers' | 'equivalence';

export interface Finding {
  readonly kind: FindingKind;
  readonly chart: FindingChart;
  /** One plain sentence. */
  readonly text: string;
  /** One sentence per form or mixer behind the summary, for those who want them. */
  readonly details: readonly string[];
  /** Curve keys `mixer.form · backend` the finding speaks of, to highlight them in the charts. */
  readonly curves: readonly string[];
}

export interface FindingsOptions {
  /** The declared scaling of a form (the registry's, via the catalog); fits' `expected` otherwise. */
  readonly scaling?: (mixer: string, form: string) => Scaling | undefined;
}

export function curveName(mixer: string, form: string, backend?: string): string {
  return backend === undefined ? `${mixer}.${form}` : `${mixer}.${form} · ${backend}`;
}
