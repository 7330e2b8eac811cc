/**
 * Comparisons and reports off the serving event loop: one long-lived worker (the sweep thread's
 * entry file, started on first use) compares records and renders HTML, Markdown and CSV reports,
 * so a socket or a window is answered at once while a 140-point report takes its second or two,
 * and the report's focus curves, computed once per set of mixers, stay cached between reports.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { compareRuns, type CompareOptions, type Comparison } from '../engine/compare/index.js';
import type { RunRecord } from '../engine/record/schema.js';
import type { ReportFormat, ReportInput } from '../engine/report/input.js';
import { renderReport } from '../report/render.js';
import { serveCalls, WorkerCalls } from './worker-calls.js';

type ReportJob =
  | { readonly kind: 'compare'; readonly records: readonly RunRecord[]; readonly options: CompareOptions }
  | { readonly kind: 'render'; readonly input: ReportInput; readonly format: Exclude<ReportFormat, 'pdf'> };

export class ReportWorker {
  private worker: Worker | undefined;
  /** Shared by the workers one after another: a worker that stops fails every call still open. */
  private readonly calls = new WorkerCalls<ReportJob, unknown>('report');

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
    // The next call starts another.
    this.calls.listen(worker, () => {
      if (this.worker === worker) this.worker = undefined;
    });
    this.worker = worker;
    return worker;
  }

  private run(job: ReportJob): Promise<unknown> {
    const worker = this.started();
    // Held while a call waits, so that a CLI waiting for its report is not ended under it.
    worker.ref();
    return this.calls.call(worker, job).finally(() => {
      if (this.calls.size === 0) this.worker?.unref();
    });
  }
}

/** The worker's side: answers each job in turn. */
export function serveReports(port: MessagePort): void {
  serveCalls(port, (job: ReportJob): unknown => (job.kind === 'compare' ? compareRuns(job.records, job.options) : renderReport(job.input, job.format)));
}
