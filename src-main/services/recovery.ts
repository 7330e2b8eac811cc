/**
 * What a store does when it opens its folder: remove the temp files of writers that are gone
 * (a killed atomic write), and close every run whose writer died mid-sweep: its head and its point
 * log become one record with status 'interrupted' and every point whose append completed. A file
 * that cannot be recovered is left as it is (the listing shows why it cannot be read).
 */
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isRunId } from '../engine/record/run-id.js';
import { runRecordToJson } from '../engine/record/json.js';
import { syncFolder, tempFileWriter, writeFileAtomic } from './atomic-write.js';
import { parsePointLog } from './point-log.js';
import type { RunStore } from './run-store.js';
import { isProcessAlive, isWriterAlive } from './writer-liveness.js';

/** No atomic write takes this long: a temp file older than this is left over, whoever wrote it (pids are reused). */
const TEMP_FILE_MAX_AGE_MS = 10 * 60 * 1000;

export interface RecoveryReport {
  readonly tempFilesRemoved: number;
  readonly runsInterrupted: string[];
}

export async function recoverRuns(store: RunStore, logSuffix: string): Promise<RecoveryReport> {
  const names = await readdir(store.dir).catch(() => [] as string[]);
  const report = { tempFilesRemoved: 0, runsInterrupted: [] as string[] };
  for (const name of names) {
    try {
      const pid = tempFileWriter(name);
      if (pid !== null && (await isStaleTemp(join(store.dir, name), pid))) {
        await rm(join(store.dir, name), { force: true });
        report.tempFilesRemoved++;
      } else if (name.endsWith(logSuffix) && isRunId(name.slice(0, -logSuffix.length))) {
        if (await closeDeadRun(store, name.slice(0, -logSuffix.length))) report.runsInterrupted.push(name.slice(0, -logSuffix.length));
      }
    } catch {
      // One file that cannot be recovered does not stop the others; the listing names its problem.
    }
  }
  if (report.tempFilesRemoved > 0) await syncFolder(store.dir);
  return report;
}

async function isStaleTemp(path: string, pid: number): Promise<boolean> {
  if (pid !== process.pid && !isProcessAlive(pid)) return true;
  return Date.now() - (await stat(path)).mtimeMs > TEMP_FILE_MAX_AGE_MS;
}

/** True when the run was closed as 'interrupted'. */
async function closeDeadRun(store: RunStore, id: string): Promise<boolean> {
  const log = parsePointLog(await readFile(store.logPathOf(id), 'utf8'), `${id}.points.jsonl`);
  if (isWriterAlive(log.writer)) return false;
  const hasHead = await stat(store.pathOf(id)).then(
    () => true,
    () => false,
  );
  // No head: the writer died between creating the log and the head, or while removing the run.
  const record = hasHead ? await store.read(id) : null;
  if (record?.status === 'interrupted') await writeFileAtomic(store.pathOf(id), runRecordToJson(record));
  // Otherwise the run was finished and only the log's removal was cut short.
  await rm(store.logPathOf(id), { force: true });
  await syncFolder(store.dir);
  return record?.status === 'interrupted';
}
