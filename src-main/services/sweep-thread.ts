/**
 * The sweep runner off the serving event loop: `runSweep` (inputs, float64 references, the
 * schedule, statistics), the CPU calibration and the focus curves run in a worker thread, while the backends stay
 * here, in the process that holds them (compute host processes, the compute page or window). Each
 * backend is served to the thread over its own MessagePort with the compute-host protocol, so
 * main only forwards messages: a socket or a window is answered at once during any sweep.
 *
 * Cancel: the thread is told, every backend busy with a call is interrupted (a compute host is
 * killed mid-kernel), and a thread that has not finished within CANCEL_GRACE_MS is terminated;
 * the points already delivered are kept and summarised here.
 */
import { pathToFileURL } from 'node:url';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import type { Backend, KernelSupport } from '../engine/core/backend.js';
import type { DType } from '../engine/core/tensor.js';
import type { Calibration } from '../engine/record/environment.js';
import type { PointRecord } from '../engine/record/point.js';
import { MIXERS } from '../engine/registry.js';
import { curvesOf, findCrossovers, fitCurves } from '../engine/sweep/analysis.js';
import type { SweepProgress } from '../engine/sweep/events.js';
import { planSweep, seriesKey } from '../engine/sweep/plan.js';
import type { SweepOptions, SweepResult } from '../engine/sweep/run.js';
import type { SweepSettings } from '../engine/sweep/settings.js';
import type { FocusCurves, FocusRequest } from '../contract/schemas.js';
import type { HostChannel } from '../gpu/node/protocol.js';
import { serveBackend } from '../gpu/node/serve-backend.js';

/** A thread busy in a synchronous step (inputs, a float64 reference) is terminated after this: well within the contract's one second, leaving time to close the record. */
export const CANCEL_GRACE_MS = 250;

/** The default entry: TypeScript through tsx. The app passes its built file. */
export const SWEEP_THREAD_ENTRY = new URL('./sweep-thread-entry.mjs', import.meta.url);

/** What the thread needs to stand in for one backend. */
export interface ThreadBackend {
  readonly id: Backend['id'];
  readonly port: MessagePort;
  /** `mixer/form` → support at the sweep's dtype (the thread imports no backend's kernel tables). */
  readonly support: Record<string, KernelSupport>;
}

export type ThreadTask =
  | {
      readonly task: 'sweep';
      readonly settings: SweepSettings;
      readonly calibration: readonly Calibration[];
      readonly backends: readonly ThreadBackend[];
      /** This thread's own entry file, from which it starts its reference worker. */
      readonly entry: string;
    }
  | { readonly task: 'references'; readonly backends: readonly [] }
  | { readonly task: 'reports'; readonly backends: readonly [] }
  | { readonly task: 'calibrate'; readonly dtype: DType; readonly backends: readonly ThreadBackend[] }
  | { readonly task: 'focus'; readonly request: FocusRequest; readonly backends: readonly [] };

export type ThreadMessage =
  | { readonly type: 'point'; readonly point: PointRecord; readonly index: number }
  | { readonly type: 'progress'; readonly progress: SweepProgress }
  | { readonly type: 'done'; readonly result: unknown }
  | { readonly type: 'failed'; readonly message: string };

export function portChannel(port: MessagePort): HostChannel {
  return {
    send: (message, transfer) => port.postMessage(message, transfer as ArrayBuffer[] | undefined),
    onMessage: (handler) => port.on('message', handler),
  };
}

/** Each backend served on a port of its own, with its support table. */
function lend(backends: readonly Backend[], dtype: DType): { lent: ThreadBackend[]; close(): void } {
  const ports: MessagePort[] = [];
  const lent = backends.map((backend) => {
    const { port1, port2 } = new MessageChannel();
    ports.push(port1, port2);
    serveBackend(portChannel(port1), async () => ({ backend, host: '' }), { id: backend.id, host: 'main' });
    const support: Record<string, KernelSupport> = {};
    for (const mixer of MIXERS) for (const form of mixer.forms) support[`${mixer.id}/${form.id}`] = backend.support(mixer, form, dtype);
    return { id: backend.id, port: port2, support };
  });
  return { lent, close: () => ports.forEach((p) => p.close()) };
}

/** Fits and crossovers of the points a terminated thread had delivered, as runSweep would give them. */
function summarise(settings: SweepSettings, points: PointRecord[]): SweepResult {
  const forms = new Map(planSweep(settings).map((p) => [seriesKey({ mixer: p.mixer.id, form: p.formId, backend: p.backend }), p]));
  const curves = curvesOf(points);
  const fits = fitCurves(curves, (c) => (c.backend === 'reference' ? null : (forms.get(seriesKey(c))?.form.scaling ?? null)));
  return { points, fits, crossovers: findCrossovers(curves), cancelled: true };
}

function hrefOf(entry: URL | string): string {
  return entry instanceof URL ? entry.href : pathToFileURL(entry).href;
}

/** A backend that can drop its call in flight (HostBackend). */
function interrupt(backend: Backend): void {
  const b = backend as Partial<{ interrupt(reason: string): boolean }>;
  b.interrupt?.('the sweep was cancelled');
}

export class SweepThread {
  constructor(private readonly entry: URL | string = SWEEP_THREAD_ENTRY) {}

  /** The roofline of each backend, measured from the thread (the CPU ones there, the GPU ones in their hosts). */
  async calibrate(backends: readonly Backend[], dtype: DType): Promise<Calibration[]> {
    const { lent, close } = lend(backends, dtype);
    try {
      return (await this.start({ task: 'calibrate', dtype, backends: lent }, {})) as Calibration[];
    } finally {
      close();
    }
  }

  /** Focus curves (seconds of CPU at large L), computed in a thread of their own. */
  async focus(request: FocusRequest): Promise<FocusCurves> {
    return (await this.start({ task: 'focus', request, backends: [] }, {})) as FocusCurves;
  }

  async runSweep(settings: SweepSettings, backends: readonly Backend[], options: SweepOptions): Promise<SweepResult> {
    // A runaway kernel is given up (device-lost) rather than waited on for minutes.
    for (const b of backends) (b as Partial<{ setCallDeadline(ms: number): void }>).setCallDeadline?.(30_000 + 4 * settings.timeBudgetMs);
    const { lent, close } = lend(backends, settings.dtype);
    const points: PointRecord[] = [];
    try {
      const result = await this.start(
        { task: 'sweep', settings, calibration: options.calibration ?? [], backends: lent, entry: hrefOf(this.entry) },
        {
          onPoint: (point) => points.push(point),
          hooks: options,
          onCancel: () => backends.forEach(interrupt),
          cancelled: () => summarise(settings, points),
        },
      );
      return result as SweepResult;
    } finally {
      close();
    }
  }

  private start(
    task: ThreadTask,
    how: { onPoint?: (p: PointRecord) => void; hooks?: SweepOptions; onCancel?: () => void; cancelled?: () => unknown },
  ): Promise<unknown> {
    const worker = new Worker(this.entry, { workerData: task, transferList: task.backends.map((b) => b.port) });
    const signal = how.hooks?.signal;
    // Every point is saved before the end.
    let saved: Promise<void> = Promise.resolve();
    return new Promise<unknown>((resolve, reject) => {
      let settled = false;
      let grace: ReturnType<typeof setTimeout> | undefined;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(grace);
        signal?.removeEventListener('abort', onAbort);
        void saved.then(outcome, (err: unknown) => reject(err));
      };
      const onAbort = () => {
        worker.postMessage({ type: 'cancel' });
        how.onCancel?.();
        grace = setTimeout(() => {
          void worker.terminate();
          settle(() => resolve(how.cancelled?.()));
        }, CANCEL_GRACE_MS);
      };
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (message: ThreadMessage) => {
        if (message.type === 'point') {
          how.onPoint?.(message.point);
          // Handed to the store at once (it writes a burst in one go, and in order); the end waits for all.
          const stored = Promise.resolve(how.hooks?.onPoint?.(message.point, message.index));
          stored.catch(() => undefined);
          saved = saved.then(() => stored);
        } else if (message.type === 'progress') how.hooks?.onProgress?.(message.progress);
        else if (message.type === 'done') settle(() => resolve(message.result));
        else settle(() => reject(new Error(message.message)));
      });
      worker.on('error', (err) => settle(() => reject(err)));
      worker.on('exit', (code) => settle(() => reject(new Error(`the sweep thread stopped (exit code ${code})`))));
    }).finally(() => void worker.terminate());
  }
}
