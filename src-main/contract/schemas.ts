/**
 * The payloads of the contract that are not already engine schemas. Run records, points, settings
 * and probes are the engine's own zod schemas (src-main/engine/record, src-main/engine/sweep), so a
 * record read from disk and a record sent to the renderer are checked by the same code.
 */
import { z } from 'zod';
import { backendProbeSchema, environmentSchema, pointRecordSchema, RUN_STATUSES, runIdSchema } from '../engine/record/schema.js';
import { sweepSettingsSchema } from '../engine/sweep/settings.js';
import { focusLengthsSchema, focusMixersSchema } from './request-limits.js';

const nonNegative = z.number().nonnegative();
/** Run ids name files in the run store: the record's own id schema, one rule everywhere. */
export { runIdSchema };

export const empty = z.object({}).strict();

export const probeReportSchema = z.object({
  environment: environmentSchema,
  backends: z.array(backendProbeSchema),
});

/** What the settings form needs to know about a mixer (MIXERS.md sections). */
export const mixerInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  section: z.number().int(),
  summary: z.string(),
  causal: z.boolean(),
  forms: z.array(z.object({ id: z.string(), title: z.string(), description: z.string(), scaling: z.enum(['quadratic', 'linear', 'linearithmic']) })),
  params: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      type: z.enum(['number', 'integer', 'enum']),
      default: z.union([z.number(), z.string()]),
      min: z.number().optional(),
      max: z.number().optional(),
      exclusive: z.boolean().optional(),
      values: z.array(z.string()).optional(),
    }),
  ),
  /** Whether the mixer has an effective attention row (the focus analysis). */
  focus: z.boolean(),
});

/**
 * One line of the history list: date, device, settings. A run file that cannot be read (corrupt,
 * truncated by another tool, too large) is listed with status 'unreadable', the reason in
 * `problem`, the file's modification time as `startedAt` and no settings, so one bad file never
 * hides the others and the user can still delete it.
 */
export const runSummarySchema = z.object({
  id: runIdSchema,
  status: z.enum([...RUN_STATUSES, 'unreadable']),
  startedAt: z.string(),
  finishedAt: z.string().optional(),
  /** The adapter that ran it ('SwiftShader (software)', 'Apple M2'), or the CPU model for CPU-only runs. */
  device: z.string(),
  /** Absent only when the run is unreadable. */
  settings: sweepSettingsSchema.optional(),
  points: z.number().int().nonnegative(),
  /** Why the run's file cannot be read (status 'unreadable'). */
  problem: z.string().optional(),
});

export const pointLabelSchema = z.object({ mixer: z.string(), form: z.string(), backend: z.string(), L: z.number().int().positive() });

/** Mirrors engine/sweep/events.ts SweepProgress, tagged with its run. */
export const progressSchema = z.object({
  runId: runIdSchema,
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  current: pointLabelSchema.optional(),
  elapsedMs: nonNegative,
  etaMs: nonNegative.optional(),
});

export const pointEventSchema = z.object({ runId: runIdSchema, index: z.number().int().nonnegative(), point: pointRecordSchema });

export const runFinishedSchema = z.object({
  runId: runIdSchema,
  status: z.enum(['complete', 'cancelled', 'failed']),
  points: z.number().int().nonnegative(),
  failure: z.string().optional(),
});

export const sweepStateSchema = z.object({
  running: z.boolean(),
  runId: runIdSchema.optional(),
  settings: sweepSettingsSchema.optional(),
  progress: progressSchema.optional(),
});

export const exportFormatSchema = z.enum(['json', 'csv']);

/** S(a) = E|a| / √(E a²) of effective attention rows (MIXERS.md, "Attention focus"). */
export const focusRequestSchema = z.object({
  /** Within REQUEST_LIMITS (request-limits.ts), as every size a client sends. */
  mixers: focusMixersSchema,
  lengths: focusLengthsSchema.optional(),
  seed: z.number().int().optional(),
});

const curveSchema = z.object({
  x: z.array(z.number()),
  sparsity: z.array(z.number().nullable()),
  /** Standard error of each Monte Carlo estimate (null where S is null). */
  stdErr: z.array(z.number().nullable()).optional(),
});

export const focusCurvesSchema = z.object({
  curves: z.array(
    z.object({
      mixer: z.string(),
      /** 'length': S against L; 'qNorm': S against ‖q‖ at fixed L. */
      axis: z.enum(['length', 'qNorm']),
      measured: curveSchema,
      /** The closed form of MIXERS.md where one exists, on the same x. */
      theory: z.object({ label: z.string(), x: z.array(z.number()), sparsity: z.array(z.number().nullable()) }).optional(),
    }),
  ),
});

export const errorEventSchema = z.object({
  runId: runIdSchema.optional(),
  code: z.string(),
  message: z.string(),
});

/** The app's views, as the View menu names them. */
export const VIEW_NAMES = ['sweep', 'results', 'focus', 'history', 'probe'] as const;

/**
 * A menu command the renderer carries out (the main side has no view state): open a run it just
 * imported or loaded, save the run on screen, start the sweep of the settings form, show a view.
 */
export const menuCommandSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('showRun'), runId: runIdSchema }),
  z.object({ action: z.literal('saveRun'), format: exportFormatSchema }),
  /** File ▸ Export report…: the run or comparison on screen, as the page chooses. */
  z.object({ action: z.literal('exportReport') }),
  z.object({ action: z.literal('startSweep') }),
  z.object({ action: z.literal('cancelSweep') }),
  z.object({ action: z.literal('showView'), view: z.enum(VIEW_NAMES) }),
]);

export type MenuCommand = z.infer<typeof menuCommandSchema>;
export type ProbeReport = z.infer<typeof probeReportSchema>;
export type MixerInfo = z.infer<typeof mixerInfoSchema>;
export type RunSummary = z.infer<typeof runSummarySchema>;
export type Progress = z.infer<typeof progressSchema>;
export type PointEvent = z.infer<typeof pointEventSchema>;
export type RunFinished = z.infer<typeof runFinishedSchema>;
export type SweepState = z.infer<typeof sweepStateSchema>;
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export type FocusRequest = z.infer<typeof focusRequestSchema>;
export type FocusCurves = z.infer<typeof focusCurvesSchema>;
export type ErrorEvent = z.infer<typeof errorEventSchema>;
