/**
 * The sweep runner: every planned point on its backend, one at a time, each finished point handed
 * to `onPoint` as it lands. Points are sampled in visits (schedule.ts): a first visit in plan
 * order, then rounds in seeded random order for the points whose median is not yet tight, so
 * points land out of plan order. No point's failure stops the sweep: budgets, device limits,
 * device loss and errors become the point's status. Cancel returns every finished point, and the
 * open ones with the samples they have.
 */
import type { Backend, BackendId, BackendProbe } from '../core/backend.js';
import { DeviceLostError, HostCrashedError, MixscopeError, OverLimitError, errorMessage } from '../core/errors.js';
import type { Calibration } from '../record/environment.js';
import type { PointRecord } from '../record/point.js';
import type { Crossover, Fit } from '../record/schema.js';
import { performanceClock } from '../backends/clock.js';
import { curvesOf, findCrossovers, fitCurves } from './analysis.js';
import type { SweepHooks } from './events.js';
import type { ReferenceRunner } from './references.js';
import { PointInputs } from './inputs.js';
import { openPoint, type MeasureContext, type PointSession } from './measure.js';
import { planSweep, seriesKey, type PlannedPoint } from './plan.js';
import { emptyPointRecord } from './point-record.js';
import { BudgetTracker } from './budget.js';
import { probeDrift } from './drift-probe.js';
import { Progress } from './progress.js';
import { Schedule } from './schedule.js';
import type { SweepSettings } from './settings.js';
import { validateSweepSettings } from './validate.js';

export interface SweepOptions extends SweepHooks {
  /** Peak rates per backend, for each point's roofline fraction. */
  readonly calibration?: readonly Calibration[];
  /** Where the float64 references are computed (default: in place). */
  readonly references?: ReferenceRunner;
}

export interface SweepResult {
  readonly points: PointRecord[];
  readonly fits: Fit[];
  readonly crossovers: Crossover[];
  readonly cancelled: boolean;
  /**
   * The calibrations given, each with `valid` set (false where a point ran faster than its roof)
   * and, after a completed sweep, the end probe and its drift (drift-probe.ts).
   */
  readonly calibration?: Calibration[];
}

async function probeAll(backends: readonly Backend[]): Promise<Map<BackendId, BackendProbe>> {
  const probes = new Map<BackendId, BackendProbe>();
  for (const b of backends) {
    try {
      probes.set(b.id, await b.probe());
    } catch (err) {
      probes.set(b.id, { id: b.id, available: false, reason: errorMessage(err), host: 'unknown', dtypes: [] });
    }
  }
  return probes;
}

/** Lets timers and signal handlers run at least every 50 ms of busy CPU work. */
function makePause(): () => Promise<void> {
  let last = performanceClock();
  return async () => {
    if (performanceClock() - last < 50) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performanceClock();
  };
}

export async function runSweep(settingsIn: SweepSettings, backends: readonly Backend[], options: SweepOptions = {}): Promise<SweepResult> {
  const settings = validateSweepSettings(settingsIn);
  const plan = planSweep(settings);
  const probes = await probeAll(backends);
  const byId = new Map(backends.map((b) => [b.id, b]));
  const inputs = new PointInputs(settings.seed, settings.timeBudgetMs, undefined, undefined, options.references);
  const budget = new BudgetTracker(settings);
  const progress = new Progress(plan, options.now ?? performanceClock, options.onProgress);
  const pause = makePause();
  const points: PointRecord[] = [];
  const landed = async (record: PointRecord, point: PlannedPoint): Promise<void> => {
    points.push(record);
    await options.onPoint?.(record, points.length - 1);
    progress.finish(point);
  };
  const schedule = new Schedule(settings, (record, session) => landed(record, session.point));
  let cancelled = false;

  for (const point of plan) {
    if (options.signal?.aborted) {
      cancelled = true;
      break;
    }
    progress.start(point);
    const outcome = await runPoint(point, { settings, byId, probes, inputs, budget, pause, options });
    if (outcome === 'cancelled') {
      cancelled = true;
      break;
    }
    if ('session' in outcome) {
      budget.observe(point, schedule.provisional(outcome.session));
      await schedule.admit(outcome.session, outcome.ctx);
    } else {
      budget.observe(point, outcome);
      await landed(outcome, point);
    }
  }
  if (cancelled) await schedule.landAll('rounds-spent', true);
  else cancelled = (await schedule.refine(options.signal, (round, session) => progress.refining(session.point, round))) === 'cancelled';
  progress.end();
  const forms = new Map(plan.map((p) => [seriesKey({ mixer: p.mixer.id, form: p.formId, backend: p.backend }), p]));
  const curves = curvesOf(points);
  const fits = fitCurves(curves, (c) => (c.backend === 'reference' ? null : (forms.get(seriesKey(c))?.form.scaling ?? null)), settings.seed);
  // The roof measured again at the end of a completed sweep: did the machine's speed change under it?
  const calibration = await probeDrift(schedule.validated(options.calibration ?? []), backends, settings.dtype, cancelled);
  return { points, fits, crossovers: findCrossovers(curves, settings.seed), cancelled, calibration };
}

interface PointContext {
  readonly settings: SweepSettings;
  readonly byId: Map<BackendId, Backend>;
  readonly probes: Map<BackendId, BackendProbe>;
  readonly inputs: PointInputs;
  readonly budget: BudgetTracker;
  readonly pause: () => Promise<void>;
  readonly options: SweepOptions;
}

/** A point measured in its first visit comes back as an open session with the context to revisit it. */
type PointOutcome = PointRecord | { readonly session: PointSession; readonly ctx: MeasureContext };

async function runPoint(point: PlannedPoint, ctx: PointContext): Promise<PointOutcome | 'cancelled'> {
  const { settings } = ctx;
  const backend = ctx.byId.get(point.backend);
  const probe = ctx.probes.get(point.backend);
  const host = probe?.host ?? 'unknown';
  if (!backend || !probe?.available) {
    const why = probe?.reason ?? 'it was not started for this sweep';
    return { ...emptyPointRecord(point, settings, host, 'unsupported'), reason: `backend '${point.backend}' is not available: ${why}` };
  }
  const support = backend.support(point.mixer, point.form, settings.dtype);
  const base = emptyPointRecord(point, settings, host, 'ok', support);
  if (!support.supported) return { ...base, status: 'unsupported', reason: support.note ?? `${point.backend} cannot run this form` };
  const verdict = ctx.budget.check(point);
  if (verdict) return { ...base, ...verdict };
  try {
    const calibration = ctx.options.calibration?.find((c) => c.backend === point.backend && c.dtype === settings.dtype);
    const measure: MeasureContext = {
      settings,
      backend,
      inputs: ctx.inputs,
      pause: ctx.pause,
      ...(ctx.options.signal ? { signal: ctx.options.signal } : {}),
      ...(calibration ? { calibration } : {}),
    };
    return { session: await openPoint(point, base, measure), ctx: measure };
  } catch (err) {
    if (err instanceof MixscopeError && err.code === 'cancelled') return 'cancelled';
    if (err instanceof OverLimitError) {
      return { ...base, status: 'over-limit', reason: err.message, neededBytes: err.neededBytes, availableBytes: err.availableBytes };
    }
    if (err instanceof DeviceLostError) {
      const resetFailure = await backend.reset?.().then(
        () => '',
        (e: unknown) => `; the reset failed too: ${errorMessage(e)}`,
      );
      return { ...base, status: err instanceof HostCrashedError ? 'host-crashed' : 'device-lost', reason: err.message + (resetFailure ?? '') };
    }
    return { ...base, status: 'failed', reason: errorMessage(err) };
  }
}
