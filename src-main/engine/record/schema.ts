/**
 * The mixscope run record: the file a sweep writes and the app, the CLI and other tools read.
 * This module IS the format's spec (like speedscope's file-format-spec): every field, its unit
 * and the version it was added in. Readers refuse a newer version rather than guess.
 *
 * Version history
 * - v1: format, version, id, status, timestamps, environment, settings, points, fits, crossovers,
 *   calibration.
 * - v2: run status 'interrupted' (the writing process died mid-sweep; every completed point kept).
 * - v3: per-point sampling (warm-up runs, visits, stop reason, 95% CI of the median, outliers,
 *   modes), aboveRoof; fit method and 95% CIs on exponents (wide flag); crossover CI and
 *   agreement; calibration kernel, threads and validity; settings ciTarget, pointTimeCapMs, order.
 * - v4: point status 'host-crashed' (the process hosting the kernel died during the point; it was
 *   restarted and the sweep went on).
 * - v5: point kernelConfig (the kernel configuration a point was compiled with: kernel, params,
 *   source 'autotuned' | 'cached' | 'default'), e.g. wgsl's autotuned matmul tile.
 * - v6: dtype 'float16' (points, settings, calibration, probes' dtypes): the WGSL forms with f16
 *   storage on an adapter that has shader-f16, checked against their own float16 tolerance.
 * - v7: calibration end probe (end, drift, endSkipped): the roof measured again when the sweep
 *   completed, and run warnings (`warnings`: 'calibration-drift' when the matmul peak moved by
 *   more than 10% under the run).
 */
import { z } from 'zod';
import { BACKEND_IDS } from '../core/backend.js';
import { sweepSettingsSchema } from '../sweep/settings.js';
import { calibrationSchema, environmentSchema } from './environment.js';
import { intervalSchema, pointRecordSchema } from './point.js';
import { runIdSchema } from './run-id.js';

export const RECORD_FORMAT = 'mixscope-run';
export const RECORD_VERSION = 7;

/**
 * Added in v1; 'interrupted' added in v2. A crashed sweep leaves 'running' on disk, with every point
 * it finished; a reader that knows the writer is gone (the run store at start, the CLI reading its
 * own --out file) reports it as 'interrupted'.
 */
export const RUN_STATUSES = ['running', 'complete', 'cancelled', 'failed', 'interrupted'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/**
 * Added in v1. Least-squares fit of log(median ms) = exponent·log(L) + intercept over the ok points
 * of one (mixer, form, backend); `expected` is the form's declared scaling.
 */
export const fitSchema = z.object({
  mixer: z.string(),
  form: z.string(),
  backend: z.enum(BACKEND_IDS),
  expected: z.enum(['quadratic', 'linear', 'linearithmic']).nullable(),
  exponent: z.number(),
  intercept: z.number(),
  r2: z.number().nullable(),
  points: z.number().int().min(2),
  /**
   * Added in v1. The exponent over the upper half of the lengths (at least 3 of them), where fixed
   * overheads no longer hide the asymptotic growth; absent when the curve has fewer than 4 lengths.
   * `ci` added in v3, as on the whole fit.
   */
  tail: z
    .object({ exponent: z.number(), r2: z.number().nullable(), fromL: z.number().int().positive(), ci: intervalSchema.optional() })
    .optional(),
  /** Added in v3. 'theil-sen' (median of pairwise slopes, v3 on) or 'least-squares' (absent: v1–v2). */
  method: z.enum(['least-squares', 'theil-sen']).optional(),
  /** Added in v3. 95% CI of the exponent: Theil–Sen refitted on medians resampled from each point's samples. */
  ci: intervalSchema.optional(),
  /** Added in v3. The CI is wider than ±0.1 (whole fit or tail): the exponent is not to be read alone. */
  wide: z.boolean().optional(),
});

/**
 * Added in v1. Where curve `faster` (the one ahead at the largest common L) overtakes `slower`.
 * status 'crosses': from L on (interpolated in log-log); 'always': faster over the whole range;
 * 'never' cannot occur for the faster curve and is kept for readers that pass arbitrary pairs.
 */
export const crossoverSchema = z.object({
  backend: z.enum(BACKEND_IDS),
  faster: z.object({ mixer: z.string(), form: z.string() }),
  slower: z.object({ mixer: z.string(), form: z.string() }),
  status: z.enum(['crosses', 'always', 'never']),
  L: z.number().positive().nullable(),
  /**
   * Added in v3. 95% CI of L over resampled curves (null ends: some resamples did not cross, so
   * that side is open), and the share of resamples that gave the same status.
   */
  ci: z.object({ lo: z.number().positive().nullable(), hi: z.number().positive().nullable(), level: z.number(), agreement: z.number().min(0).max(1) }).optional(),
  /** Added in v3. The CI spans more than a factor 1.5 in L, is open, or agreement is under 0.9. */
  wide: z.boolean().optional(),
});

/**
 * Added in v7. Something the reader of the run's timings must know. 'calibration-drift': the
 * backend's calibrated matmul peak differed by more than DRIFT_THRESHOLD (drift.ts) between the
 * sweep's start and end, so the machine's speed changed under the run.
 */
export const runWarningSchema = z.object({
  kind: z.enum(['calibration-drift']),
  backend: z.enum(BACKEND_IDS).optional(),
  message: z.string(),
});

export const runRecordSchema = z.object({
  format: z.literal(RECORD_FORMAT),
  version: z.literal(RECORD_VERSION),
  /** Unique per run; the run store's file name (run-id.ts: the one id rule of the record, the store and the contract). */
  id: runIdSchema,
  status: z.enum(RUN_STATUSES),
  /** ISO 8601. */
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** Why the run failed, when status is 'failed'. */
  failure: z.string().optional(),
  environment: environmentSchema,
  settings: sweepSettingsSchema,
  points: z.array(pointRecordSchema),
  fits: z.array(fitSchema),
  crossovers: z.array(crossoverSchema),
  calibration: z.array(calibrationSchema).optional(),
  /** Added in v7. Absent: none (and every v1–v6 record). */
  warnings: z.array(runWarningSchema).optional(),
});

export type Fit = z.infer<typeof fitSchema>;
export type Crossover = z.infer<typeof crossoverSchema>;
export type RunRecord = z.infer<typeof runRecordSchema>;
export type RunWarning = z.infer<typeof runWarningSchema>;

export * from './environment.js';
export * from './point.js';
export * from './run-id.js';
