/**
 * A run record kept at a path of the user's choosing (`mixscope run --out FILE.json`): the JSON
 * and a CSV beside it, both rewritten atomically after each point (temp file, fsync, rename,
 * fsync of the folder), so that a crash, a kill -9 or Ctrl-C at any moment leaves both files
 * whole: the JSON a valid record with every point written so far, status 'running' until the end
 * (the app imports such a file as 'interrupted'). The temp files a killed run left beside them are
 * removed by the next run that writes there.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { MixscopeError, errorMessage } from '../engine/core/errors.js';
import { runRecordToCsv } from '../engine/record/csv.js';
import { runRecordToJson } from '../engine/record/json.js';
import type { RunRecord } from '../engine/record/schema.js';
import { tempFileWriter, writeFileAtomic } from '../services/atomic-write.js';
import { isProcessAlive } from '../services/writer-liveness.js';

export function csvPathFor(jsonPath: string): string {
  return jsonPath.endsWith('.json') ? `${jsonPath.slice(0, -'.json'.length)}.csv` : `${jsonPath}.csv`;
}

export class RecordFile {
  readonly csvPath: string;
  private pending: Promise<void> = Promise.resolve();
  /** The write waiting for the one in flight; it takes whatever record is latest when it starts. */
  private queued: Promise<void> | undefined;
  private latest: RunRecord | undefined;
  private started = false;

  constructor(readonly path: string) {
    this.csvPath = csvPathFor(path);
  }

  /**
   * Writes are chained so the files always end at the latest record, and coalesced: while one is
   * being written, later records replace each other and only the newest is written next. A
   * caller's promise settles once a record at least as new as its own is on disk.
   */
  write(record: RunRecord): Promise<void> {
    this.latest = record;
    if (this.queued) return this.queued;
    const first = !this.started;
    this.started = true;
    const queued = this.pending.then(async () => {
      this.queued = undefined;
      const newest = this.latest!;
      try {
        await mkdir(dirname(this.path), { recursive: true });
        if (first) await this.removeStaleTempFiles();
        await writeFileAtomic(this.path, runRecordToJson(newest));
        await writeFileAtomic(this.csvPath, runRecordToCsv(newest));
      } catch (err) {
        throw new MixscopeError(`cannot write ${this.path}: ${errorMessage(err)}`, 'io');
      }
    });
    this.queued = queued;
    this.pending = queued.catch(() => undefined);
    return queued;
  }

  /** `.FILE.json.<pid>.<hex>.tmp` of a writer that is gone (a kill -9 mid-write). */
  private async removeStaleTempFiles(): Promise<void> {
    const ours = [basename(this.path), basename(this.csvPath)].map((name) => `.${name}.`);
    for (const name of await readdir(dirname(this.path))) {
      const pid = tempFileWriter(name);
      if (pid !== null && pid !== process.pid && !isProcessAlive(pid) && ours.some((prefix) => name.startsWith(prefix))) {
        await rm(join(dirname(this.path), name), { force: true });
      }
    }
  }
}
