/**
 * What a request from a window or a socket may ask of this machine: bounds on every size a sweep
 * or a focus request can name, checked where the request arrives, so that no client can make the
 * host allocate or compute without end. The CLI, run by the machine's own user, is not bounded.
 */
import { z } from 'zod';
import { sweepSettingsSchema } from '../engine/sweep/settings.js';

export const REQUEST_LIMITS = {
  /** Longest sequence: 2^20 tokens. */
  maxLength: 1 << 20,
  maxLengths: 64,
  /** d, dv and the state size. */
  maxWidth: 4096,
  maxHeads: 256,
  maxBatch: 256,
  /** Independent inputs per sample (B·H). */
  maxBatchHeads: 1024,
  maxRepetitions: 10_000,
  maxWarmup: 1_000,
  maxMinTimeMs: 600_000,
  maxTimeBudgetMs: 3_600_000,
  /** Focus curves are Monte Carlo over L×L attention rows: 2^16 keeps one request in seconds. */
  maxFocusLength: 1 << 16,
  maxFocusLengths: 32,
  maxFocusMixers: 32,
} as const;

const L = REQUEST_LIMITS;
const atMost = (max: number, what: string) => z.number().max(max, `${what} may be at most ${max} in a request to this host`);

/** Sweep settings as a client may send them: the engine's schema within REQUEST_LIMITS. */
export const requestSweepSettingsSchema = sweepSettingsSchema
  .extend({
    lengths: z.array(sweepSettingsSchema.shape.lengths.element.pipe(atMost(L.maxLength, 'L'))).min(1).max(L.maxLengths, `at most ${L.maxLengths} lengths per sweep`),
    d: sweepSettingsSchema.shape.d.pipe(atMost(L.maxWidth, 'd')),
    dv: sweepSettingsSchema.shape.dv.pipe(atMost(L.maxWidth, 'dv')),
    state: sweepSettingsSchema.shape.state.pipe(atMost(L.maxWidth, 'the state size')),
    heads: sweepSettingsSchema.shape.heads.pipe(atMost(L.maxHeads, 'heads')),
    batch: sweepSettingsSchema.shape.batch.pipe(atMost(L.maxBatch, 'batch')),
    repetitions: sweepSettingsSchema.shape.repetitions.pipe(atMost(L.maxRepetitions, 'repetitions')),
    warmup: sweepSettingsSchema.shape.warmup.pipe(atMost(L.maxWarmup, 'warmup')),
    minTimeMs: sweepSettingsSchema.shape.minTimeMs.pipe(atMost(L.maxMinTimeMs, 'minTimeMs')),
    timeBudgetMs: sweepSettingsSchema.shape.timeBudgetMs.pipe(atMost(L.maxTimeBudgetMs, 'timeBudgetMs')),
  })
  .refine((s) => s.batch * s.heads <= L.maxBatchHeads, {
    message: `batch × heads may be at most ${L.maxBatchHeads} in a request to this host`,
    path: ['batch'],
  });

/** Lengths and mixers of a focus request within REQUEST_LIMITS. */
export const focusLengthsSchema = z
  .array(z.number().int().positive().pipe(atMost(L.maxFocusLength, 'a focus length')))
  .min(1)
  .max(L.maxFocusLengths, `at most ${L.maxFocusLengths} focus lengths per request`);
export const focusMixersSchema = z.array(z.string()).min(1).max(L.maxFocusMixers, `at most ${L.maxFocusMixers} mixers per focus request`);
