/**
 * Measuring one point on one backend: prepare B·H kernels (compile and upload apart), warm up,
 * take samples until both `repetitions` and `minTimeMs` are met, read back and compare with the
 * float64 reference. A sample over the time budget ends the point as 'over-budget'; a cancel is
 * noticed between samples.
 */
import type { Backend, KernelTiming, PreparedKernel } from '../core/backend.js';
import { MixscopeError } from '../core/errors.js';
import { relativeError } from '../core/tensor.js';
import type { Calibration } from '../record/environment.js';
import type { ErrorRecord, PointRecord } from '../record/point.js';
import { summarize } from '../stats/summary.js';
import type { PointInputs } from './inputs.js';
import type { PlannedPoint } from './plan.js';
import { achievedRates, rooflineFraction, runsPerSample } from './point-record.js';
import type { SweepSettings } from './settings.js';

/** Caps the samples of very fast points (minTimeMs over microsecond kernels). */
export const MAX_SAMPLES = 1000;
export const TOLERANCE = { float64: 1e-9, float32: 1e-4 } as const;

export interface MeasureContext {
  readonly settings: SweepSettings;
  readonly backend: Backend;
  readonly inputs: PointInputs;
  readonly signal?: AbortSignal;
  /** Lets timers and signal handlers run now and then (a CPU kernel never yields by itself). */
  readonly pause: () => Promise<void>;
  readonly calibration?: Calibration;
}

export function cancelledError(): MixscopeError {
  return new MixscopeError('the sweep was cancelled', 'cancelled');
}

async function sample(kernels: readonly PreparedKernel[], ctx: MeasureContext): Promise<KernelTiming> {
  let wallMs = 0;
  let gpuMs: number | undefined = 0;
  for (const kernel of kernels) {
    const t = await kernel.run();
    wallMs += t.wallMs;
    gpuMs = gpuMs === undefined || t.gpuMs === undefined ? undefined : gpuMs + t.gpuMs;
    await ctx.pause();
  }
  return gpuMs === undefined ? { wallMs } : { wallMs, gpuMs };
}

/** Reads every output back and compares it with its reference; error is null when not checked. */
async function compare(point: PlannedPoint, kernels: readonly PreparedKernel[], ctx: MeasureContext) {
  const tolerance = TOLERANCE[ctx.settings.dtype];
  const refs = ctx.settings.verify ? ctx.inputs.referencesFor(point.mixer, point.form, point.params) : { skipped: 'not checked: verification is off' };
  let readbackMs = 0;
  let maxAbs = 0;
  let relative = 0;
  for (const [i, kernel] of kernels.entries()) {
    const { output, readbackMs: ms } = await kernel.read();
    readbackMs += ms;
    const ref = 'tensors' in refs ? refs.tensors[i] : undefined;
    if (!ref) continue;
    const e = relativeError(output, ref);
    maxAbs = Number.isNaN(e.maxAbs) || Number.isNaN(maxAbs) ? Number.NaN : Math.max(maxAbs, e.maxAbs);
    relative = Number.isNaN(e.relative) || Number.isNaN(relative) ? Number.NaN : Math.max(relative, e.relative);
  }
  if ('skipped' in refs) return { readbackMs, error: null, verifyNote: refs.skipped };
  const error: ErrorRecord = {
    maxAbs: Number.isNaN(maxAbs) ? null : maxAbs,
    relative: Number.isNaN(relative) ? null : relative,
    tolerance,
    pass: !Number.isNaN(relative) && relative < tolerance,
  };
  return { readbackMs, error };
}

/** Measures `point`; throws what the backend throws, and the 'cancelled' MixscopeError on abort. */
export async function measurePoint(point: PlannedPoint, base: PointRecord, ctx: MeasureContext): Promise<PointRecord> {
  const { settings, backend, signal } = ctx;
  const runs = runsPerSample(settings);
  const sets = ctx.inputs.inputs(point.mixer, point.L, point.dims, point.params, runs);
  const kernels: PreparedKernel[] = [];
  try {
    for (const inputs of sets) {
      kernels.push(await backend.prepare({ mixer: point.mixer, form: point.form, inputs, params: point.params, dtype: settings.dtype }));
      await ctx.pause();
      if (signal?.aborted) throw cancelledError();
    }
    const record: PointRecord = {
      ...base,
      compileMs: kernels.reduce((n, k) => n + k.compileMs, 0),
      uploadMs: kernels.reduce((n, k) => n + k.uploadMs, 0),
      allocatedBytes: kernels.reduce((n, k) => n + k.allocatedBytes, 0),
    };
    const overBudget = (ms: number, what: string): PointRecord => ({
      ...record,
      status: 'over-budget',
      reason: `${what} took ${ms.toPrecision(4)} ms, over the time budget of ${settings.timeBudgetMs} ms per sample`,
    });
    for (let w = 0; w < settings.warmup; w++) {
      const t = await sample(kernels, ctx);
      if (signal?.aborted) throw cancelledError();
      if (t.wallMs > settings.timeBudgetMs) return overBudget(t.wallMs, 'a warm-up run');
    }
    const samplesMs: number[] = [];
    const gpuSamplesMs: number[] = [];
    let total = 0;
    while ((samplesMs.length < settings.repetitions || total < settings.minTimeMs) && samplesMs.length < MAX_SAMPLES) {
      const t = await sample(kernels, ctx);
      if (signal?.aborted) throw cancelledError();
      samplesMs.push(t.wallMs);
      if (t.gpuMs !== undefined) gpuSamplesMs.push(t.gpuMs);
      total += t.wallMs;
      if (t.wallMs > settings.timeBudgetMs) {
        return { ...overBudget(t.wallMs, 'a sample'), samplesMs, gpuSamplesMs, stats: summarize(samplesMs) };
      }
    }
    const stats = summarize(samplesMs);
    const { readbackMs, error, verifyNote } = await compare(point, kernels, ctx);
    return {
      ...record,
      status: 'ok',
      samplesMs,
      gpuSamplesMs,
      stats,
      gpuStats: gpuSamplesMs.length === samplesMs.length ? summarize(gpuSamplesMs) : null,
      readbackMs,
      error,
      ...(verifyNote ? { verifyNote } : {}),
      achieved: achievedRates(record.cost, stats.p50, settings.batch * point.L),
      rooflineFraction: rooflineFraction(record.cost, stats.p50, ctx.calibration),
    };
  } finally {
    for (const kernel of kernels) kernel.release();
  }
}
