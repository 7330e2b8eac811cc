/**
 * The main side, assembled once for any transport: the run store under the data folder, the
 * history, the sweep, the probe and the catalog, and the contract's handler table over them.
 * Electron (src-main/app) and web mode (src-main/server, `mixscope serve`) both start from here.
 */
import { ContractError } from '../contract/envelope.js';
import { renderReport } from '../report/render.js';
import { createDispatch, type Dispatch, type Handlers } from '../contract/dispatch.js';
import type { BackendPool } from './backend-pool.js';
import { listMixers } from './catalog.js';
import { CompareService, type PrintPdf, type RenderReport } from './compare-service.js';
import { describeEnvironment, probeBackends, type AppIdentity } from './environment.js';
import { EventHub } from './event-hub.js';
import { ProbeService } from './probe-service.js';
import { RunStore } from './run-store.js';
import { RunsService } from './runs-service.js';
import { SweepService } from './sweep-service.js';
import { ReportWorker } from './report-worker.js';
import { SWEEP_THREAD_ENTRY, SweepThread } from './sweep-thread.js';

export interface MainServices {
  readonly hub: EventHub;
  readonly store: RunStore;
  readonly runs: RunsService;
  readonly sweep: SweepService;
  readonly handlers: Handlers;
  readonly dispatch: Dispatch;
  /** Cancels a running sweep, waits for its record to close, and stops the backends. */
  shutdown(): Promise<void>;
}

export interface ServiceOptions {
  runsDir: string;
  app: AppIdentity;
  backends: BackendPool;
  /** Renders reports (HTML, Markdown, CSV, and PDF where no printPdf is given). */
  render?: RenderReport;
  /** The host's PDF printer for HTML reports (Electron's printToPDF in the app). */
  printPdf?: PrintPdf;
  /** The sweep thread's entry file (the app's built one; by default the TypeScript source through tsx). */
  sweepThread?: URL | string;
}

export function createServices(options: ServiceOptions): MainServices {
  const hub = new EventHub();
  const store = new RunStore(options.runsDir);
  const runs = new RunsService(store);
  // Comparisons and reports are computed in a worker of their own; a PDF is printed from its HTML here.
  const reports = new ReportWorker(options.sweepThread ?? SWEEP_THREAD_ENTRY);
  const render: RenderReport = (input, format) => (format === 'pdf' ? renderReport(input, format) : reports.render(input, format));
  const compare = new CompareService({
    read: (id) => runs.open(id),
    render: options.render ?? render,
    compare: (records, compareOptions) => reports.compare(records, compareOptions),
    ...(options.printPdf ? { printPdf: options.printPdf } : {}),
  });
  const probe = new ProbeService(options.app, () => options.backends.all());
  // Sweeps, calibration and focus curves run in a thread; kernels in the backends' own hosts.
  const thread = new SweepThread(options.sweepThread);
  const sweep = new SweepService({
    store,
    hub,
    backends: (settings) => options.backends.select(settings.backends),
    environment: async (backends) => describeEnvironment(options.app, await probeBackends(backends)),
    calibrate: (backends, dtype) => thread.calibrate(backends, dtype),
    runSweep: (settings, backends, sweepOptions) => thread.runSweep(settings, backends, sweepOptions),
  });
  const handlers: Handlers = {
    probe: () => probe.probe(),
    listMixers: async () => listMixers(),
    startSweep: (settings) => sweep.start(settings),
    cancelSweep: async ({ runId }) => sweep.cancel(runId),
    getSweepState: async () => sweep.state(),
    listRuns: () => runs.list(),
    openRun: ({ id }) => runs.open(id),
    deleteRun: async ({ id }) => {
      if (sweep.state().runId === id) throw new ContractError('busy', `run ${id} is still running; cancel it first`);
      return runs.remove(id);
    },
    importRun: ({ fileName, text }) => runs.import(fileName, text),
    exportRun: ({ id, format }) => runs.export(id, format),
    focus: (request) => thread.focus(request),
    compareRuns: async (request) => (await compare.compare(request)).comparison,
    exportReport: (request) => compare.exportReport(request),
  };
  return {
    hub,
    store,
    runs,
    sweep,
    handlers,
    dispatch: createDispatch(handlers),
    shutdown: async () => {
      const state = sweep.state();
      if (state.runId) sweep.cancel(state.runId);
      await sweep.idle();
      await reports.close();
      await options.backends.dispose();
    },
  };
}
