/**
 * The run store: one run per id under a folder. A finished (or imported) run is one JSON record,
 * `<id>.json`, written atomically and flushed to the disk. A running run is its head record
 * (status 'running', no points) plus an append-only point log, `<id>.points.jsonl` (point-log.ts):
 * a point costs one appended line and one fdatasync, whatever the run's length. Finishing writes
 * the whole record, then removes the log. A kill at any moment leaves the head and every point
 * whose append returned; the next store to open the folder finds the writer gone and closes the
 * run as 'interrupted' (recovery.ts). Listing goes through a small index (run-index.ts); a file
 * that cannot be read is listed as 'unreadable' with its reason, never fatal.
 * Writes to one run are queued so that they land in order. Memory: only the runs being recorded.
 */
import type { FileHandle } from 'node:fs/promises';
import { mkdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { RunSummary } from '../contract/schemas.js';
import { MixscopeError, errorMessage } from '../engine/core/errors.js';
import { finishRunRecord, startRunRecord, type RunEnd, type RunStart } from '../engine/record/build.js';
import { runRecordToJson } from '../engine/record/json.js';
import { parseRunRecordText } from '../engine/record/parse.js';
import type { PointRecord } from '../engine/record/point.js';
import { isRunId, runIdProblem } from '../engine/record/run-id.js';
import type { RunRecord } from '../engine/record/schema.js';
import { syncFolder, writeFileAtomic } from './atomic-write.js';
import { appendToPointLog, createPointLog, parsePointLog } from './point-log.js';
import { listRunSummaries } from './run-listing.js';
import { RunIndex } from './run-index.js';
import { recoverRuns } from './recovery.js';
import { isWriterAlive, newWriter, releaseWriter } from './writer-liveness.js';

/** A run file larger than this is listed as unreadable rather than read into memory. */
export const MAX_STORED_RUN_BYTES = 256 * 1024 * 1024;
const LOG_SUFFIX = '.points.jsonl';

/** A place to inject write failures (the fault-injection tests); production passes nothing. */
export interface StoreFaults {
  beforeWrite(kind: 'point' | 'record', id: string): void | Promise<void>;
}

export interface LiveRun {
  readonly head: RunRecord;
  readonly points: PointRecord[];
  readonly log: FileHandle;
  /** Points handed in and not yet on the disk: the next write takes them all (group commit). */
  waiting?: { readonly point: PointRecord; readonly resolve: () => void; readonly reject: (err: Error) => void }[];
}

export class RunStore {
  private readonly writer = newWriter();
  private readonly live = new Map<string, LiveRun>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly index: RunIndex;
  private opened: Promise<void> | undefined;
  /** Bumped by every change to the folder, so a listing is shared only by calls it is current for. */
  private generation = 0;
  private listing: { generation: number; summaries: Promise<RunSummary[]> } | undefined;

  constructor(
    readonly dir: string,
    private readonly faults?: StoreFaults,
  ) {
    this.index = new RunIndex(join(dir, '.index.json'));
  }

  pathOf(id: string): string {
    if (!isRunId(id)) throw new MixscopeError(runIdProblem(id), 'invalid-input');
    return join(this.dir, `${id}.json`);
  }

  logPathOf(id: string): string {
    return `${this.pathOf(id).slice(0, -'.json'.length)}${LOG_SUFFIX}`;
  }

  /** Creates the folder, removes dead writers' temp files and closes their runs as 'interrupted'. Once per store. */
  open(): Promise<void> {
    this.opened ??= (async () => {
      await mkdir(this.dir, { recursive: true });
      await recoverRuns(this, LOG_SUFFIX);
      await this.index.load();
    })();
    return this.opened;
  }

  async create(start: RunStart): Promise<RunRecord> {
    await this.open();
    const head = startRunRecord(start);
    return this.locked(head.id, async () => {
      if (await this.has(head.id)) throw new MixscopeError(`a run with id '${head.id}' is already in ${this.dir}`, 'io');
      // The log first: a head without its log would read as a dead writer's run.
      const log = await createPointLog(this.logPathOf(head.id), head.id, this.writer);
      try {
        await this.faults?.beforeWrite('record', head.id);
        await writeFileAtomic(this.pathOf(head.id), runRecordToJson(head));
      } catch (err) {
        await log.close();
        await rm(this.logPathOf(head.id), { force: true });
        throw new MixscopeError(`cannot start run ${head.id} in ${this.dir}: ${errorMessage(err)}`, 'io');
      }
      this.live.set(head.id, { head, points: [], log });
      this.generation++;
      return head;
    });
  }

  /**
   * Saved once this resolves: the point is on the disk. Points handed in while a write is on its
   * way wait for the next one, which appends them all and flushes once (a cancelled sweep lands
   * its open points in a burst); each still resolves only once it is on the disk, in order.
   */
  appendPoint(id: string, point: PointRecord): Promise<void> {
    const run = this.live.get(id);
    if (!run) return Promise.reject(new MixscopeError(`run ${id} is not being recorded by this store`, 'io'));
    return new Promise<void>((resolve, reject) => {
      const first = run.waiting === undefined;
      (run.waiting ??= []).push({ point, resolve, reject });
      if (first) void this.locked(id, () => this.writeWaiting(id, run));
    });
  }

  private async writeWaiting(id: string, run: LiveRun): Promise<void> {
    const batch = run.waiting ?? [];
    run.waiting = undefined;
    let accepted = 0;
    let failure: Error | undefined;
    try {
      for (; accepted < batch.length; accepted++) await this.faults?.beforeWrite('point', id);
    } catch (err) {
      failure = err as Error;
    }
    const saved = batch.slice(0, accepted);
    try {
      if (saved.length > 0) await appendToPointLog(run.log, saved.map((b) => b.point));
    } catch (err) {
      failure = err as Error;
      accepted = 0;
    }
    const done = batch.slice(0, accepted);
    run.points.push(...done.map((b) => b.point));
    for (const b of done) b.resolve();
    if (failure) {
      const error = new MixscopeError(`cannot save point ${run.points.length + 1} of run ${id} to ${this.logPathOf(id)}: ${errorMessage(failure)}`, 'io');
      for (const b of batch.slice(accepted)) b.reject(error);
    }
  }

  /** Writes the whole record with its final status, then drops the point log. */
  async finish(id: string, end: RunEnd): Promise<RunRecord> {
    return this.locked(id, async () => {
      const run = this.live.get(id);
      const record = finishRunRecord(run ? { ...run.head, points: run.points } : await this.read(id), end);
      try {
        await this.faults?.beforeWrite('record', id);
        await writeFileAtomic(this.pathOf(id), runRecordToJson(record));
      } catch (err) {
        throw new MixscopeError(`cannot close run ${id} in ${this.dir}: ${errorMessage(err)}`, 'io');
      }
      this.live.delete(id);
      await run?.log.close();
      await this.dropLog(id);
      return record;
    });
  }

  /**
   * Writes a whole record (an import). A record saved whole is not being recorded here, so one
   * still marked 'running' (a file copied from a live or killed `mixscope run`) becomes 'interrupted'.
   */
  async save(record: RunRecord): Promise<void> {
    await this.open();
    const stored: RunRecord = record.status === 'running' ? { ...record, status: 'interrupted' } : record;
    await this.locked(record.id, async () => {
      await this.faults?.beforeWrite('record', record.id);
      await writeFileAtomic(this.pathOf(record.id), runRecordToJson(stored));
      this.generation++;
    });
  }

  async read(id: string): Promise<RunRecord> {
    const run = this.live.get(id);
    if (run) return { ...run.head, points: [...run.points] };
    const path = this.pathOf(id);
    const record = parseRunRecordText(await this.readText(path, `no saved run '${id}' in ${this.dir}`), basename(path));
    if (record.status !== 'running') return record;
    const logText = await readFile(this.logPathOf(id), 'utf8').catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return null;
      throw new MixscopeError(`cannot read ${this.logPathOf(id)}: ${errorMessage(err)}`, 'io');
    });
    const log = logText === null ? null : parsePointLog(logText, basename(this.logPathOf(id)));
    const points = [...record.points, ...(log?.points ?? [])];
    return { ...record, points, status: log && isWriterAlive(log.writer) ? 'running' : 'interrupted' };
  }

  async has(id: string): Promise<boolean> {
    if (this.live.has(id)) return true;
    return stat(this.pathOf(id)).then(
      () => true,
      () => false,
    );
  }

  /** Every readable run in full, newest first (tools; the history lists `summaries`). */
  async list(): Promise<RunRecord[]> {
    const listed = await this.summaries();
    const records = await Promise.all(listed.filter((s) => s.status !== 'unreadable').map((s) => this.read(s.id).catch(() => null)));
    return records.filter((r): r is RunRecord => r !== null);
  }

  /** Every run's summary, newest first; unreadable files included as such. Concurrent calls share one scan. */
  async summaries(): Promise<RunSummary[]> {
    await this.open();
    if (this.listing?.generation !== this.generation) {
      const summaries = listRunSummaries(this, this.index, this.live).finally(() => {
        if (this.listing?.summaries === summaries) this.listing = undefined;
      });
      this.listing = { generation: this.generation, summaries };
    }
    return this.listing.summaries;
  }

  async remove(id: string): Promise<void> {
    const path = this.pathOf(id);
    await this.locked(id, async () => {
      const run = this.live.get(id);
      this.live.delete(id);
      await run?.log.close();
      await rm(path, { force: true });
      await this.dropLog(id);
      this.generation++;
    });
  }

  /** Copies a run file from disk into the store after checking it in full; returns the stored record. */
  async importFile(file: string): Promise<RunRecord> {
    const record = parseRunRecordText(await this.readText(file, `cannot read ${file}: no such file`), basename(file));
    if (await this.has(record.id)) throw new MixscopeError(`a run with id '${record.id}' is already in ${this.dir}`, 'io');
    await this.save(record);
    return this.read(record.id);
  }

  /** Closes the logs of runs still being recorded (they read as 'interrupted' afterwards). */
  async close(): Promise<void> {
    for (const run of this.live.values()) await run.log.close();
    this.live.clear();
    releaseWriter(this.writer);
  }

  /** Reads a run file, refusing one too large to hold in memory before reading it. */
  async readText(path: string, missing: string): Promise<string> {
    try {
      const size = (await stat(path)).size;
      if (size > MAX_STORED_RUN_BYTES) throw new MixscopeError(`${basename(path)} is ${size} bytes, over the ${MAX_STORED_RUN_BYTES} a run file may have`, 'invalid-record');
      return await readFile(path, 'utf8');
    } catch (err) {
      if (err instanceof MixscopeError) throw err;
      throw new MixscopeError((err as NodeJS.ErrnoException).code === 'ENOENT' ? missing : `cannot read ${path}: ${errorMessage(err)}`, 'io');
    }
  }

  private async dropLog(id: string): Promise<void> {
    await rm(this.logPathOf(id), { force: true });
    await syncFolder(this.dir);
  }

  /** Runs `task` after every earlier task on the same run has settled. */
  private locked<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.queues.set(id, tail);
    // The queue of an idle run is dropped, so the map holds only runs with work in flight.
    void tail.then(() => {
      if (this.queues.get(id) === tail) this.queues.delete(id);
    });
    return next;
  }
}

