/**
 * The findings of a run, in reading order: what is fastest, where the linear-time forms overtake
 * softmax, how far each form got, how close the errors come to their tolerance, and which fits
 * disagree with the declared scaling. Pure: the same record gives the same sentences, live or saved.
 */
import { equivalenceFindings } from './equivalence.js';
import { exponentFindings } from './exponents.js';
import { fastestFindings } from './fastest.js';
import { reachFindings } from './reach.js';
import { softmaxCrossoverFindings } from './softmax-crossovers.js';
import type { Finding, FindingsOptions, FindingsRun } from './types.js';

export function findingsOf(run: FindingsRun, options: FindingsOptions = {}): Finding[] {
  return [...fastestFindings(run), ...softmaxCrossoverFindings(run, options), ...reachFindings(run), ...equivalenceFindings(run), ...exponentFindings(run, options)];
}

export type { Finding, FindingChart, FindingKind, FindingsOptions, FindingsRun } from './types.js';
export { intervalOf, type Interval } from './text.js';
