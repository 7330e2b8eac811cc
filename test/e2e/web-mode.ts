/**
 * Web mode for the e2e suite: the main side's services behind the web server, on an ephemeral
 * port of 127.0.0.1, with a temporary data directory, on the CPU backends only.
 */
import type { Handlers } from '../../src-main/contract/dispatch.js';
import { createDispatch } from '../../src-main/contract/dispatch.js';
import type { FocusCurves } from '../../src-main/contract/schemas.js';
import { createJsBackend } from '../../src-main/engine/backends/js.js';
import { createReferenceBackend } from '../../src-main/engine/backends/reference.js';
import { focusCurvesByLength, focusCurvesByQueryNorm } from '../../src-main/engine/focus/curves.js';
import { MIXERS } from '../../src-main/engine/registry.js';
import { runSweep } from '../../src-main/engine/sweep/run.js';
import { startWebServer } from '../../src-main/server/web-server.js';
import { describeEnvironment, probeBackends } from '../../src-main/services/environment.js';
import { EventHub } from '../../src-main/services/event-hub.js';
import { ProbeService } from '../../src-main/services/probe-service.js';
import { RunStore } from '../../src-main/services/run-store.js';
import { RunsService } from '../../src-main/services/runs-service.js';
import { SweepService } from '../../src-main/services/sweep-service.js';

export interface WebMode {
  readonly url: string;
  close(): Promise<void>;
}

export async function startWebMode(options: { dataDir: string; rendererDir: string }): Promise<WebMode> {
  const app = { name: 'mixscope', version: 'e2e', host: 'node (e2e)' };
  const backends = [createJsBackend(), createReferenceBackend()];
  const hub = new EventHub();
  const store = new RunStore(options.dataDir);
  const runs = new RunsService(store);
  const probe = new ProbeService(app, async () => backends);
  const sweeps = new SweepService({
    store,
    hub,
    backends: async (s) => backends.filter((b) => s.backends.includes(b.id)),
    environment: async (b) => describeEnvironment(app, await probeBackends(b)),
    runSweep,
  });
  const focus = (mixers: string[]): FocusCurves => {
    const series = (x: number[], s: (number | null)[]) => ({ x, sparsity: s });
    return {
      curves: [
        ...focusCurvesByLength({ mixers }).map((c) => ({
          mixer: c.mixer,
          axis: 'length' as const,
          measured: series(c.points.map((p) => p.L), c.points.map((p) => p.S)),
          ...(c.theoryLabel ? { theory: { ...series(c.points.map((p) => p.L), c.points.map((p) => p.theory ?? null)), label: c.theoryLabel } } : {}),
        })),
        ...focusCurvesByQueryNorm({ mixers }).map((c) => ({
          mixer: c.mixer,
          axis: 'qNorm' as const,
          measured: series(c.points.map((p) => p.qNorm), c.points.map((p) => p.S)),
          ...(c.theoryLabel ? { theory: { ...series(c.points.map((p) => p.qNorm), c.points.map((p) => p.theory ?? null)), label: c.theoryLabel } } : {}),
        })),
      ],
    };
  };
  const handlers: Handlers = {
    probe: () => probe.probe(),
    listMixers: async () =>
      MIXERS.map((m) => ({
        id: m.id,
        title: m.title,
        section: m.section,
        summary: m.summary,
        causal: m.causal,
        forms: m.forms.map((f) => ({ id: f.id, title: f.title, description: f.description, scaling: f.scaling })),
        params: m.params.map((p) => ({ ...p, values: p.values ? [...p.values] : undefined })),
        focus: m.focusRow !== undefined,
      })),
    startSweep: (s) => sweeps.start(s),
    cancelSweep: async ({ runId }) => sweeps.cancel(runId),
    getSweepState: async () => sweeps.state(),
    listRuns: () => runs.list(),
    openRun: ({ id }) => runs.open(id),
    deleteRun: ({ id }) => runs.remove(id),
    importRun: ({ fileName, text }) => runs.import(fileName, text),
    exportRun: ({ id, format }) => runs.export(id, format),
    focus: async ({ mixers }) => focus(mixers),
  };
  const server = await startWebServer({ port: 0, rendererDir: options.rendererDir, dispatch: createDispatch(handlers), hub });
  return { url: server.url, close: () => server.close() };
}
