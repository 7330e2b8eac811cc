/**
 * Comparisons and reports off the serving event loop: one long-lived worker (the sweep thread's
 * entry file, started on first use) compares records and renders HTML, Markdown and CSV reports,
 * so a socket or a window is answered at once while a 140-point report takes its second or two,
 * and the report's focus curves, computed once per set of mixers, stay cached between reports.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { compareRuns, type CompareOptions, type Comparison } from '../engine/compare/index.js';
import { MixscopeError, errorMessage, type MixscopeErrorCode } from '../engine/core/errors.js';
import type { RunRecord } from '../engine/record/schema.js';
import type { ReportFormat, ReportInput } from '../engine/report/input.js';
import { renderReport } from '../report/render.js';

type ReportJob =
  | { readonly kind: 'compare'; readonly records: readonly RunRecord[]; readonly options: CompareOptions }
  | { readonly kind: 'render'; readonly input: ReportInput; readonly format: Exclude<ReportFormat, 'pdf'> };

type ReportReply = { readonly id: number; readonly ok: true; readonly value: unknown } | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string };

export class ReportWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor(private readonly entry: URL | string) {}

  compare(records: readonly RunRecord[], options: CompareOptions): Promise<Comparison> {
    return this.run({ kind: 'compare', records, options }) as Promise<Comparison>;
  }

  render(input: ReportInput, format: Exclude<ReportFormat, 'pdf'>): Promise<Uint8Array> {
    return this.run({ kind: 'render', input, format }) as Promise<Uint8Array>;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.entry, { workerData: { task: 'reports', backends: [] } });
    // An idle report worker does not keep a CLI or a test process alive.
    worker.unref();
    worker.on('message', (reply: ReportReply) => {
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      if (reply.ok) call.resolve(reply.value);
      else call.reject(reply.code ? new MixscopeError(reply.message, reply.code as MixscopeErrorCode) : new Error(reply.message));
    });
    const fail = (why: string) => {
      if (this.worker === worker) this.worker = undefined;
      for (const call of this.pending.values()) call.reject(new Error(`the report worker stopped: ${why}`));
      this.pending.clear();
    };
    worker.on('error', (err) => fail(errorMessage(err)));
    worker.on('exit', (code) => fail(`exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private run(job: ReportJob): Promise<unknown> {
    const worker = this.started();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, job });
    }).finally(() => {
      if (this.pending.size === 0) this.worker?.unref();
    });
  }
}

/** The worker's side: answers each job in turn. */
export function serveReports(port: MessagePort): void {
  port.on('message', ({ id, job }: { id: number; job: ReportJob }) => {
    void (async () => {
      try {
        const value = job.kind === 'compare' ? compareRuns(job.records, job.options) : await renderReport(job.input, job.format);
        port.postMessage({ id, ok: true, value } satisfies ReportReply);
      } catch (err) {
        const code = err instanceof MixscopeError ? err.code : undefined;
        port.postMessage({ id, ok: false, message: errorMessage(err), ...(code ? { code } : {}) } satisfies ReportReply);
      }
    })();
  });
}
