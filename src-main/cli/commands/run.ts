/**
 * `mixscope run`: a sweep on this machine. The record (JSON + CSV beside it) is written when the
 * sweep starts and after every point; Ctrl-C cancels between samples and keeps what was measured.
 */
import { calibrateBackends } from '../../engine/backends/calibrate.js';
import { errorMessage } from '../../engine/core/errors.js';
import { appendPoint, finishRunRecord, newRunId, startRunRecord } from '../../engine/record/build.js';
import type { RunRecord } from '../../engine/record/schema.js';
import { runSweep } from '../../engine/sweep/run.js';
import { parseFlags } from '../args.js';
import { disposeBackends, resolveBackends } from '../backends.js';
import { collectEnvironment } from '../environment.js';
import type { CliIo } from '../io.js';
import { ProgressLine } from '../progress-line.js';
import { RecordFile } from '../record-file.js';
import { RUN_OPTIONS, settingsFromFlags } from '../run-settings.js';
import { printFits } from '../summary.js';

export async function runCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const flags = parseFlags('run', argv, RUN_OPTIONS);
  const settings = settingsFromFlags(flags);
  const id = newRunId(new Date());
  const file = new RecordFile(flags.out ?? `runs/${id}.json`);
  const backends = await resolveBackends(settings.backends);
  const controller = new AbortController();
  const stopListening = io.onInterrupt(() => {
    io.stderr('\ncancelling after the current sample…\n');
    controller.abort();
  });
  const progress = new ProgressLine(io);
  const calibration = settings.calibrate === false ? undefined : await calibrateBackends(backends, settings.dtype);
  const environment = await collectEnvironment(backends);
  let record: RunRecord = startRunRecord({ id, startedAt: new Date().toISOString(), environment, settings, ...(calibration ? { calibration } : {}) });
  try {
    await file.write(record);
    const result = await runSweep(settings, backends, {
      signal: controller.signal,
      ...(calibration ? { calibration } : {}),
      onProgress: (p) => progress.progress(p),
      onPoint: async (point) => {
        record = appendPoint(record, point);
        progress.point(point);
        await file.write(record);
      },
    });
    progress.end();
    const status = result.cancelled ? 'cancelled' : 'complete';
    record = finishRunRecord(record, { status, finishedAt: new Date().toISOString(), fits: result.fits, crossovers: result.crossovers });
    await file.write(record);
    printFits(io, record);
    io.stdout(`${status}: ${record.points.length} points in ${file.path} and ${file.csvPath}\n`);
    return result.cancelled ? 130 : 0;
  } catch (err) {
    progress.end();
    record = finishRunRecord(record, { status: 'failed', finishedAt: new Date().toISOString(), failure: errorMessage(err) });
    await file.write(record).catch(() => undefined);
    throw err;
  } finally {
    stopListening();
    await disposeBackends(backends);
  }
}
