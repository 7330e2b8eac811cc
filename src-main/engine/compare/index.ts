/**
 * Comparing run records: `compareRuns(records, options)` takes the first record as the baseline
 * and every other as a run compared against it, and returns the comparison (schema.ts).
 */
import type { BackendId } from '../core/backend.js';
import type { RunRecord } from '../record/schema.js';
import type { Comparison } from './schema.js';

export interface CompareOptions {
  /** Noise threshold, a fraction: CIs inside [1 − t, 1 + t] are `same`. Default 0.05. */
  readonly threshold?: number;
  /** Pair `baseline` in the baseline run with `other` in the others; default: each backend with itself. */
  readonly pair?: { readonly baseline: BackendId; readonly other: BackendId };
  /** Bootstrap seed (default 1) and resamples per row (default 2000). */
  readonly seed?: number;
  readonly resamples?: number;
  /** One label per record (file names); default: derived from each environment. */
  readonly labels?: readonly string[];
}

export function compareRuns(_records: readonly RunRecord[], _options: CompareOptions = {}): Comparison {
  throw new Error('compareRuns: not implemented');
}

export * from './schema.js';
