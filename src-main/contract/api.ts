/**
 * THE contract between the main side and the renderer, written once: each method's request and
 * response schema, each event's payload schema. The main handlers, the preload bridge, the renderer
 * client and the web transport are all derived from this table (see README.md).
 */
import { z } from 'zod';
import { comparisonSchema } from '../engine/compare/schema.js';
import { runRecordSchema } from '../engine/record/schema.js';
import { compareRequestSchema, exportReportRequestSchema, reportFileSchema } from './compare-schemas.js';
import { requestSweepSettingsSchema } from './request-limits.js';
import type { EventName, MethodName } from './names.js';
import {
  empty,
  errorEventSchema,
  exportFormatSchema,
  focusCurvesSchema,
  focusRequestSchema,
  menuCommandSchema,
  mixerInfoSchema,
  pointEventSchema,
  probeReportSchema,
  progressSchema,
  runFinishedSchema,
  runIdSchema,
  runSummarySchema,
  sweepStateSchema,
} from './schemas.js';

export interface MethodSpec<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  readonly request: Req;
  readonly response: Res;
  /** One line: what the method does (shown in the web mode's index and in errors). */
  readonly doc: string;
}

function method<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res, doc: string): MethodSpec<Req, Res> {
  return { request, response, doc };
}

export const METHODS = {
  probe: method(empty, probeReportSchema, 'Probes every backend and describes this machine.'),
  listMixers: method(empty, z.array(mixerInfoSchema), 'Every registered mixer with its forms and parameters.'),
  startSweep: method(requestSweepSettingsSchema, z.object({ runId: runIdSchema }), 'Starts a sweep (sizes within REQUEST_LIMITS); points stream as onPoint.'),
  cancelSweep: method(z.object({ runId: runIdSchema }), z.object({ cancelled: z.boolean() }), 'Stops a sweep within a second; finished points are kept.'),
  getSweepState: method(empty, sweepStateSchema, 'The sweep now running, if any (a reloaded window catches up).'),
  listRuns: method(empty, z.array(runSummarySchema), 'Saved runs, newest first.'),
  openRun: method(z.object({ id: runIdSchema }), runRecordSchema, 'One saved run record.'),
  deleteRun: method(z.object({ id: runIdSchema }), z.object({ deleted: z.boolean() }), 'Deletes a saved run.'),
  importRun: method(
    z.object({ fileName: z.string().min(1), text: z.string() }),
    runRecordSchema,
    'Validates a run file and saves it to the history; a bad file is refused with the reason.',
  ),
  exportRun: method(
    z.object({ id: runIdSchema, format: exportFormatSchema }),
    z.object({ fileName: z.string(), text: z.string() }),
    'A saved run as JSON (the record) or CSV (one row per point).',
  ),
  focus: method(focusRequestSchema, focusCurvesSchema, 'Focus (sparsity) curves S(a) of the given mixers.'),
  compareRuns: method(compareRequestSchema, comparisonSchema, 'Compares saved runs against a baseline: ratios, CIs, p/q, verdicts, exponent and crossover shifts.'),
  exportReport: method(exportReportRequestSchema, reportFileSchema, 'A report of a saved run or of a comparison, as HTML, Markdown, PDF (base64) or CSV.'),
} satisfies Record<MethodName, MethodSpec>;

export const EVENTS = {
  progress: progressSchema,
  point: pointEventSchema,
  runFinished: runFinishedSchema,
  error: errorEventSchema,
  menu: menuCommandSchema,
} satisfies Record<EventName, z.ZodType>;

/** Requests have no transforms or defaults, so what the client sends is what the handler gets. */
export type RequestOf<M extends MethodName> = z.output<(typeof METHODS)[M]['request']>;
export type ResponseOf<M extends MethodName> = z.output<(typeof METHODS)[M]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof EVENTS)[E]>;
