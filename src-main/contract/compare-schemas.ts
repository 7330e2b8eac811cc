/**
 * The payloads of comparing runs and exporting reports. The comparison itself is the engine's own
 * schema (src-main/engine/compare), so what the renderer gets is checked by the code that defines
 * the format. Requests are bounded: at most MAX_COMPARED_RUNS runs, a threshold in [0, 1].
 */
import { z } from 'zod';
import { BACKEND_IDS } from '../engine/core/backend.js';
import { runIdSchema } from './schemas.js';

/** A comparison holds every matched point of every run; eight runs keep it readable and small. */
export const MAX_COMPARED_RUNS = 8;

export const compareRequestSchema = z
  .object({
    /** Saved runs to compare, the baseline among them; an id may repeat to pair two backends of one run. */
    ids: z.array(runIdSchema).min(2).max(MAX_COMPARED_RUNS),
    baseline: runIdSchema,
    /** Pair `baseline` in the baseline run with `other` in the others; default: each backend with itself. */
    pair: z.object({ baseline: z.enum(BACKEND_IDS), other: z.enum(BACKEND_IDS) }).strict().optional(),
    /** Noise threshold, a fraction: a CI inside [1 − t, 1 + t] is `same` (default 0.05). */
    threshold: z.number().min(0).max(1).optional(),
  })
  .strict()
  .refine((r) => r.ids.includes(r.baseline), { message: 'the baseline must be one of the compared ids', path: ['baseline'] });

export const REPORT_FORMATS = ['html', 'md', 'pdf', 'csv'] as const;
export const reportFormatSchema = z.enum(REPORT_FORMATS);

/** A report of one saved run, or of a comparison of saved runs. */
export const exportReportRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('run'), id: runIdSchema, format: reportFormatSchema }).strict(),
  z.object({ kind: z.literal('comparison'), compare: compareRequestSchema, format: reportFormatSchema }).strict(),
]);

/** Text formats come back as text, PDF as base64; the renderer saves either as a download. */
export const reportFileSchema = z.union([
  z.object({ fileName: z.string().min(1), mimeType: z.string(), text: z.string() }).strict(),
  z.object({ fileName: z.string().min(1), mimeType: z.string(), base64: z.string() }).strict(),
]);

export type CompareRequest = z.infer<typeof compareRequestSchema>;
export type ReportFormat = z.infer<typeof reportFormatSchema>;
export type ExportReportRequest = z.infer<typeof exportReportRequestSchema>;
export type ReportFile = z.infer<typeof reportFileSchema>;
