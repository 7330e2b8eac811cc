/**
 * Measuring one point on one backend, in visits. The first visit prepares B·H kernels (compile and
 * upload apart), warms up until the timing is stable, takes samples and compares the output with
 * the float64 reference; later visits (the interleaved schedule, schedule.ts) add samples until the
 * stopping rule holds (stats/stopping.ts). A sample over the time budget ends the point as
 * 'over-budget'; a cancel is noticed between samples.
 */
import type { Backend, KernelTiming, PreparedKernel } from '../core/backend.js';
import { MixscopeError, errorMessage } from '../core/errors.js';
import { relativeError, type Tensor } from '../core/tensor.js';
import type { Calibration } from '../record/environment.js';
import type { ErrorRecord, PointRecord, SamplingStop } from '../record/point.js';
import { ciState, isWarm, stopReason, VISIT_MIN_SAMPLES, type StopRule } from '../stats/stopping.js';
import type { PointInputs, References } from './inputs.js';
import type { PlannedPoint } from './plan.js';
import { runsPerSample } from './point-record.js';
import type { SweepSettings } from './settings.js';

/** Caps the samples of very fast points. */
export const MAX_SAMPLES = 1000;
/**
 * Relative error (max |Y − Y_ref| / max |Y_ref|) a form may have against the float64 reference.
 * float16 (f16 storage, f32 arithmetic: gpu/wgsl/f16-variant.ts): f16's unit roundoff is
 * u = 2⁻¹¹ ≈ 4.9e-4. Each input is rounded once (≤ u relative), each stored intermediate and the
 * output once more; a mixer's output is a sum of products of 2–4 rounded factors, so to first
 * order its error is (factors + stored roundings)·u·κ, with κ = Σ|terms| / max|Y| the cancellation
 * the normalisation by max |Y_ref| leaves. A CPU emulation (gpu/wgsl/f16-tolerance.test.ts: the
 * float32 forms on f16-rounded inputs, output rounded to f16, every mixer and form at L = 1, 37,
 * 130, 2048) gives at most 4.3e-3 (gau at L = 1, where max |Y| is one product; ≤ 2.6e-3 at
 * L = 2048); 1e-2 ≈ 20u leaves a factor 2.3 above that for the GPU forms' stored intermediates.
 * The WGSL kernels on emulated f16 storage (gpu/wgsl/f16-conformance.test.ts) reach at most
 * 5.6e-3 (masked-attention four-step at L = 1), 3.6e-3 at L = 2048 (mlstm parallel).
 */
export const TOLERANCE = { float64: 1e-9, float32: 1e-4, float16: 1e-2 } as const;
/** Warm-up stops after this many runs even when the timing never settles (it is then recorded as such). */
const MAX_WARMUP_RUNS = 20;
export const DEFAULT_CI_TARGET = 0.02;
export const DEFAULT_POINT_CAP_MS = 2_000;
/** Visits a point may get: the first, then this many more rounds at most. */
export const VISITS_PER_CAP = 4;
/** A revisit of a point whose samples take longer than this needs no warm-up run: its own run refills the caches. */
const LONG_SAMPLE_MS = 20;

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

/** The stopping rule of a sweep's settings (interleaved: at least two visits before the CI may stop it). */
export function stopRule(settings: SweepSettings): StopRule {
  return {
    target: settings.ciTarget ?? DEFAULT_CI_TARGET,
    minSamples: settings.repetitions,
    minTimeMs: settings.minTimeMs,
    minVisits: (settings.order ?? 'interleaved') === 'interleaved' ? 2 : 1,
    capMs: settings.pointTimeCapMs ?? DEFAULT_POINT_CAP_MS,
    maxSamples: MAX_SAMPLES,
  };
}

/** A point being measured: what its visits have gathered so far. */
export interface PointSession {
  readonly point: PlannedPoint;
  record: PointRecord;
  kernels: PreparedKernel[] | undefined;
  readonly samplesMs: number[];
  readonly gpuSamplesMs: number[];
  /** The check against the float64 reference, while it is still in progress (it writes `record` when done). */
  verification?: Promise<void>;
  checked?: boolean;
  warmupRuns: number;
  visits: number;
  /** Where each visit's samples begin in samplesMs (the stopping rule compares the visits). */
  readonly visitStarts: number[];
  spentMs: number;
  stop: SamplingStop | undefined;
  /** Set when a sample ran over the per-sample budget: the point ends as 'over-budget'. */
  overBudget: string | undefined;
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

/** A batch of samples is sized to take about this long: round trips stay a small share of it. */
export const BATCH_TARGET_MS = 20;
/** The most samples one batch may take (a batch is one call to the host). */
export const MAX_BATCH = 256;

/**
 * `count` samples in one call where the backend can run a kernel many times per call (a compute
 * host), one at a time otherwise (and always when B·H kernels make one sample).
 */
async function sampleBatch(kernels: readonly PreparedKernel[], ctx: MeasureContext, count: number): Promise<KernelTiming[]> {
  const only = kernels.length === 1 ? kernels[0] : undefined;
  if (count <= 1 || !only?.runMany) return [await sample(kernels, ctx)];
  const timings = await only.runMany(count);
  await ctx.pause();
  return timings;
}

/** How many samples the next batch takes: about BATCH_TARGET_MS of them, within the visit's share and the samples still allowed. */
function batchSize(session: PointSession, rule: StopRule, leftMs: number): number {
  const last = session.samplesMs[session.samplesMs.length - 1];
  if (last === undefined || !(last > 0)) return 1;
  const byTime = Math.floor(Math.min(BATCH_TARGET_MS, Math.max(leftMs, 0)) / last);
  return Math.max(1, Math.min(byTime, MAX_BATCH, rule.maxSamples - session.samplesMs.length));
}

async function prepare(session: PointSession, ctx: MeasureContext): Promise<PreparedKernel[]> {
  const { point } = session;
  const sets = ctx.inputs.inputs(point.mixer, point.L, point.dims, point.params, runsPerSample(ctx.settings));
  const kernels: PreparedKernel[] = [];
  try {
    for (const inputs of sets) {
      // Each of the B·H kernels gets its share of the memory budget (the cost-model check above covers all of them).
      const memoryBudgetBytes = Math.floor(ctx.settings.memoryBudgetBytes / sets.length);
      kernels.push(await ctx.backend.prepare({ mixer: point.mixer, form: point.form, inputs, params: point.params, dtype: ctx.settings.dtype, memoryBudgetBytes }));
      await ctx.pause();
      if (ctx.signal?.aborted) throw cancelledError();
    }
  } catch (err) {
    for (const kernel of kernels) kernel.release();
    throw err;
  }
  return kernels;
}

function overBudgetReason(ms: number, what: string, settings: SweepSettings): string {
  return `${what} took ${ms.toPrecision(4)} ms, over the time budget of ${settings.timeBudgetMs} ms per sample`;
}

/** Warm-up runs of one visit: until stable on the first visit, one run (caches) on later ones. */
async function warmUp(session: PointSession, kernels: readonly PreparedKernel[], ctx: MeasureContext, rule: StopRule): Promise<void> {
  const first = session.visits === 0;
  const long = session.samplesMs.length > 0 && session.samplesMs[session.samplesMs.length - 1]! > LONG_SAMPLE_MS;
  const minRuns = first ? ctx.settings.warmup : long ? 0 : 1;
  const runs: number[] = [];
  for (;;) {
    if (first ? isWarm(runs, minRuns) || runs.length >= MAX_WARMUP_RUNS || (runs.length >= minRuns && session.spentMs >= rule.capMs / 3) : runs.length >= minRuns) break;
    const t = await sample(kernels, ctx);
    if (ctx.signal?.aborted) throw cancelledError();
    runs.push(t.wallMs);
    session.warmupRuns++;
    session.spentMs += t.wallMs;
    if (t.wallMs > ctx.settings.timeBudgetMs) {
      session.overBudget = overBudgetReason(t.wallMs, 'a warm-up run', ctx.settings);
      return;
    }
  }
}

/**
 * One visit: (re)prepare when the kernels were released, warm up, then sample until the stopping
 * rule holds or this visit has spent its share (capMs / VISITS_PER_CAP). Throws on cancel.
 */
export async function visitPoint(session: PointSession, ctx: MeasureContext): Promise<void> {
  const rule = stopRule(ctx.settings);
  session.kernels ??= await prepare(session, ctx);
  const kernels = session.kernels;
  const visitStart = session.spentMs;
  await warmUp(session, kernels, ctx, rule);
  session.visits++;
  session.visitStarts.push(session.samplesMs.length);
  if (session.overBudget) return;
  const share = rule.capMs / VISITS_PER_CAP;
  for (;;) {
    const state = { samplesMs: session.samplesMs, visits: session.visits, spentMs: session.spentMs, visitStarts: session.visitStarts };
    session.stop = stopReason(state, rule);
    // The cap ends a point only once it has a sample from every visit it is owed.
    if (session.stop === 'time-cap' && (session.samplesMs.length === 0 || session.visits < rule.minVisits)) session.stop = undefined;
    if (session.stop) return;
    const enough = session.spentMs - visitStart >= share && session.samplesMs.length >= session.visits;
    // Tight already but owed another visit: come back later rather than sample on now.
    const tightForNow = session.visits < rule.minVisits && stopReason({ samplesMs: session.samplesMs, visits: rule.minVisits, spentMs: 0 }, rule) === 'ci-reached';
    // Tight, but the visits sit at different levels: more samples now would only weigh this visit's
    // level more; another visit later tells more (stats/stopping.ts).
    const ownSamples = session.samplesMs.length - session.visitStarts[session.visitStarts.length - 1]!;
    const ci = ownSamples >= VISIT_MIN_SAMPLES ? ciState(state, rule) : undefined;
    const levelsDiffer = ci !== undefined && ci.tight && !ci.agree;
    if (enough || tightForNow || levelsDiffer) return;
    // Samples come in batches (one round trip to a compute host each); every sample of a batch is
    // kept, and the stopping rule is asked again after it.
    const batch = await sampleBatch(kernels, ctx, batchSize(session, rule, share - (session.spentMs - visitStart)));
    if (ctx.signal?.aborted) throw cancelledError();
    for (const t of batch) {
      session.samplesMs.push(t.wallMs);
      if (t.gpuMs !== undefined) session.gpuSamplesMs.push(t.gpuMs);
      session.spentMs += t.wallMs;
      if (t.wallMs > ctx.settings.timeBudgetMs) {
        session.overBudget = overBudgetReason(t.wallMs, 'a sample', ctx.settings);
        session.stop = 'over-budget';
        return;
      }
    }
  }
}

/** The outcome of a point's check against the float64 reference. */
interface Verification {
  readonly readbackMs: number;
  readonly error: ErrorRecord | null;
  readonly verifyNote?: string;
}

/** Reads every output back (from the host, at once, while the kernels are held). */
async function readOutputs(session: PointSession): Promise<{ outputs: Tensor[]; readbackMs: number }> {
  const outputs: Tensor[] = [];
  let readbackMs = 0;
  for (const kernel of session.kernels ?? []) {
    const { output, readbackMs: ms } = await kernel.read();
    readbackMs += ms;
    outputs.push(output);
  }
  return { outputs, readbackMs };
}

/** The outputs against their references; error is null when not checked. */
function check(outputs: readonly Tensor[], readbackMs: number, refs: References, dtype: SweepSettings['dtype']): Verification {
  if ('skipped' in refs) return { readbackMs, error: null, verifyNote: refs.skipped };
  let maxAbs = 0;
  let relative = 0;
  for (const [i, output] of outputs.entries()) {
    const ref = refs.tensors[i];
    if (!ref) continue;
    const e = relativeError(output, ref);
    maxAbs = Number.isNaN(e.maxAbs) || Number.isNaN(maxAbs) ? Number.NaN : Math.max(maxAbs, e.maxAbs);
    relative = Number.isNaN(e.relative) || Number.isNaN(relative) ? Number.NaN : Math.max(relative, e.relative);
  }
  const tolerance = TOLERANCE[dtype];
  const error: ErrorRecord = {
    maxAbs: Number.isNaN(maxAbs) ? null : maxAbs,
    relative: Number.isNaN(relative) ? null : relative,
    tolerance,
    pass: !Number.isNaN(relative) && relative < tolerance,
  };
  return { readbackMs, error };
}

/**
 * Reads the outputs back now and checks them against the float64 reference once it is ready (it
 * may still be computing on another core): the sweep goes on meanwhile, and the point lands only
 * once its check is in (`settleVerification`).
 */
async function startVerification(session: PointSession, ctx: MeasureContext): Promise<void> {
  const { point } = session;
  const { outputs, readbackMs } = await readOutputs(session);
  const refs: Promise<References> = ctx.settings.verify
    ? ctx.inputs.referencesFor(point.mixer, point.form, point.params)
    : Promise.resolve({ skipped: 'not checked: verification is off' });
  const apply = (v: Verification) => {
    session.record = { ...session.record, readbackMs: v.readbackMs, error: v.error, ...(v.verifyNote ? { verifyNote: v.verifyNote } : {}) };
    session.checked = true;
  };
  session.verification = refs.then(
    (r) => apply(check(outputs, readbackMs, r, ctx.settings.dtype)),
    (err: unknown) => apply({ readbackMs, error: null, verifyNote: `not checked: the float64 reference failed: ${errorMessage(err)}` }),
  );
}

/**
 * Waits for a point's check before it lands. `wait: false` (a cancelled sweep) lands it at once,
 * saying the check was not finished, rather than wait for a reference still computing.
 */
export async function settleVerification(session: PointSession, wait = true): Promise<void> {
  if (!session.verification || session.checked) return;
  if (wait) await session.verification;
  else session.record = { ...session.record, verifyNote: 'not checked: the sweep was cancelled before the float64 reference was ready' };
}

/**
 * The first visit of a point, verification included. The session it returns is open (stop
 * undefined) when the point needs more visits; its kernels are still held.
 */
export async function openPoint(point: PlannedPoint, base: PointRecord, ctx: MeasureContext): Promise<PointSession> {
  const session: PointSession = {
    point,
    record: base,
    kernels: undefined,
    samplesMs: [],
    gpuSamplesMs: [],
    warmupRuns: 0,
    visits: 0,
    visitStarts: [],
    spentMs: 0,
    stop: undefined,
    overBudget: undefined,
  };
  if (ctx.settings.verify) {
    // The float64 reference starts now (on another core where the runner has one), and is waited
    // for only when the output is checked, after the timing.
    ctx.inputs.inputs(point.mixer, point.L, point.dims, point.params, runsPerSample(ctx.settings));
    void ctx.inputs.referencesFor(point.mixer, point.form, point.params);
  }
  const kernels = await prepare(session, ctx);
  session.kernels = kernels;
  session.record = {
    ...base,
    compileMs: kernels.reduce((n, k) => n + k.compileMs, 0),
    uploadMs: kernels.reduce((n, k) => n + k.uploadMs, 0),
    allocatedBytes: kernels.reduce((n, k) => n + k.allocatedBytes, 0),
    ...(kernels[0]?.kernelConfig ? { kernelConfig: kernels[0].kernelConfig } : {}),
  };
  try {
    await visitPoint(session, ctx);
    if (!session.overBudget) await startVerification(session, ctx);
  } catch (err) {
    releaseKernels(session);
    throw err;
  }
  return session;
}

export function releaseKernels(session: PointSession): void {
  for (const kernel of session.kernels ?? []) kernel.release();
  session.kernels = undefined;
}
