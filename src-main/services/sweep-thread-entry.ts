/**
 * The sweep thread (started by sweep-thread.ts): runs the engine's sweep, or the calibration, on
 * backends that are proxies of the ones main holds, one MessagePort each, and posts every point
 * and progress step back as it lands. Nothing here ever touches a device or a socket.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { calibrateBackends } from '../engine/backends/calibrate.js';
import { errorMessage } from '../engine/core/errors.js';
import { runSweep } from '../engine/sweep/run.js';
import { HostBackend, type ComputeHost } from '../gpu/node/host-backend.js';
import { focusCurves } from './catalog.js';
import { serveReferences, WorkerReferenceRunner } from './reference-worker.js';
import { serveReports } from './report-worker.js';
import { portChannel, type ThreadBackend, type ThreadMessage, type ThreadTask } from './sweep-thread.js';

const task = workerData as ThreadTask;
const port = parentPort!;
const post = (message: ThreadMessage) => port.postMessage(message);

/** Main enforces the deadlines on the real backends; this side only waits for its answers. */
const NO_DEADLINE = { probeMs: 2 ** 31 - 1, callMs: 2 ** 31 - 1 };

function proxy(lent: ThreadBackend): HostBackend {
  const host: ComputeHost = { channel: portChannel(lent.port), onExit: () => undefined, terminate: async () => undefined };
  const support = (mixer: { id: string }, form: { id: string }) =>
    lent.support[`${mixer.id}/${form.id}`] ?? { supported: false, fidelity: 'exact' as const, note: `${lent.id} does not know ${mixer.id}/${form.id}` };
  return new HostBackend(() => host, { id: lent.id, support, label: lent.id, deadlines: NO_DEADLINE });
}

const controller = new AbortController();
port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});

async function main(): Promise<unknown> {
  if (task.task === 'focus') return focusCurves(task.request);
  if (task.task === 'references' || task.task === 'reports') {
    // A long-lived worker (a sweep's references, or the app's comparisons and reports): it answers until it is ended.
    (task.task === 'references' ? serveReferences : serveReports)(port);
    return new Promise<never>(() => undefined);
  }
  const backends = task.backends.map(proxy);
  if (task.task === 'calibrate') return calibrateBackends(backends, task.dtype);
  const references = new WorkerReferenceRunner(new URL(task.entry));
  try {
    return await runSweep(task.settings, backends, {
      signal: controller.signal,
      calibration: task.calibration,
      references,
      onPoint: (point, index) => post({ type: 'point', point, index }),
      onProgress: (progress) => post({ type: 'progress', progress }),
    });
  } finally {
    references.close();
  }
}

// Main terminates the thread once it has the answer (the ports keep it alive until then).
main().then(
  (result) => post({ type: 'done', result }),
  (err: unknown) => post({ type: 'failed', message: errorMessage(err) }),
);
