/** What a report shows: one run, or a comparison with the records it was made from. */
import type { Comparison } from '../compare/schema.js';
import type { RunRecord } from '../record/schema.js';

export type ReportInput = { readonly kind: 'run'; readonly record: RunRecord } | { readonly kind: 'comparison'; readonly comparison: Comparison; readonly records: readonly RunRecord[] };

export const REPORT_FORMATS = ['html', 'md', 'pdf', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The records a report shows, in order (the baseline first for a comparison). */
export function recordsOf(input: ReportInput): readonly RunRecord[] {
  return input.kind === 'run' ? [input.record] : input.records;
}
