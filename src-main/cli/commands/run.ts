/**
 * `mixscope run`: a sweep on this machine, owned by the same SweepService as the app's, its record
 * kept at the file the user names (JSON + CSV beside it), rewritten when the sweep starts and
 * after every point. Ctrl-C cancels within a second (a busy compute host is stopped) and keeps
 * what was measured.
 */
import type { Backend } from '../../engine/core/backend.js';
import { MixscopeError } from '../../engine/core/errors.js';
import { appendPoint, finishRunRecord, newRunId, startRunRecord } from '../../engine/record/build.js';
import type { PointRecord } from '../../engine/record/point.js';
import type { RunRecord } from '../../engine/record/schema.js';
import type { SweepProgress } from '../../engine/sweep/events.js';
import { EventHub } from '../../services/event-hub.js';
import { SweepService, type SweepStore } from '../../services/sweep-service.js';
import { SweepThread } from '../../services/sweep-thread.js';
import { parseFlags } from '../args.js';
import { disposeBackends, resolveBackends } from '../backends.js';
import { checkDtypeOffered } from '../dtype.js';
import { collectEnvironment } from '../environment.js';
import type { CliIo } from '../io.js';
import { ProgressLine } from '../progress-line.js';
import { RUN_REPORT_OPTION, writeRunReport } from './report.js';
import { RecordFile } from '../record-file.js';
import { RUN_OPTIONS, settingsFromFlags } from '../run-settings.js';
import { printFits } from '../summary.js';

/** The sweep's store for one run: the record in memory, written through to FILE.json and FILE.csv. */
class FileStore implements SweepStore {
  record: RunRecord | undefined;

  constructor(readonly file: RecordFile) {}

  async create(start: Parameters<typeof startRunRecord>[0]): Promise<void> {
    this.record = startRunRecord(start);
    await this.file.write(this.record);
  }

  async appendPoint(_id: string, point: PointRecord): Promise<void> {
    this.record = appendPoint(this.record!, point);
    await this.file.write(this.record);
  }

  async finish(_id: string, end: Parameters<typeof finishRunRecord>[1]): Promise<void> {
    this.record = finishRunRecord(this.record!, end);
    await this.file.write(this.record);
  }
}

export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('run', argv, { ...RUN_OPTIONS, ...RUN_REPORT_OPTION });
  const settings = settingsFromFlags(flags);
  const store = new FileStore(new RecordFile(flags.out ?? `runs/${newRunId(new Date())}.json`));
  const backends: Backend[] = await resolveBackends(settings.backends);
  if (settings.dtype === 'float16') {
    await checkDtypeOffered(backends, settings.dtype).catch(async (err: unknown) => {
      await disposeBackends(backends);
      throw err;
    });
  }
  const hub = new EventHub();
  const progress = new ProgressLine(io);
  let failure: string | undefined;
  hub.attach((event, payload) => {
    if (event === 'progress') progress.progress(payload as SweepProgress);
    else if (event === 'point') progress.point((payload as { point: PointRecord }).point);
    else if (event === 'runFinished') failure = (payload as { failure?: string }).failure;
  });
  // The runner in a thread and the kernels in their hosts, as in the app: Ctrl-C stops a kernel mid-run.
  const thread = new SweepThread();
  const sweep = new SweepService({
    store,
    hub,
    backends: async () => backends,
    environment: collectEnvironment,
    calibrate: (b, dtype) => thread.calibrate(b, dtype),
    runSweep: (s, b, options) => thread.runSweep(s, b, options),
  });
  let runId: string | undefined;
  let interrupted = false;
  const stopListening = io.onInterrupt(() => {
    io.stderr('\ncancelling…\n');
    interrupted = true;
    if (runId) sweep.cancel(runId);
  });
  try {
    runId = (await sweep.start(settings)).runId;
    // Ctrl-C while the backends were being calibrated: stop before the first point.
    if (interrupted) sweep.cancel(runId);
    await sweep.idle();
  } finally {
    progress.end();
    stopListening();
    await disposeBackends(backends);
  }
  const record = store.record!;
  if (record.status === 'failed') throw new MixscopeError(`sweep failed: ${failure ?? record.failure ?? 'unknown error'}`);
  printFits(io, record);
  io.stdout(`${record.status}: ${record.points.length} points in ${store.file.path} and ${store.file.csvPath}\n`);
  if (flags.report) await writeRunReport(record, flags.report, io);
  return record.status === 'cancelled' ? 130 : 0;
}
