/**
 * The run store: one JSON run record per sweep under a folder, `<id>.json`. A sweep's record is
 * written when it starts (status 'running') and again after every point, each time atomically
 * (temp file + rename), so a crash leaves a readable record with every finished point and status
 * 'running'. Writes to one run are queued so that they land in order.
 */
import { mkdir, readFile, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { MixscopeError, errorMessage } from '../engine/core/errors.js';
import { appendPoint, finishRunRecord, startRunRecord, type RunEnd, type RunStart } from '../engine/record/build.js';
import { runRecordToJson } from '../engine/record/json.js';
import { parseRunRecordText } from '../engine/record/parse.js';
import type { PointRecord } from '../engine/record/point.js';
import type { RunRecord } from '../engine/record/schema.js';
import { writeFileAtomic } from './atomic-write.js';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export class RunStore {
  /** Latest record of each run written by this process, so appends need no re-read. */
  private readonly live = new Map<string, RunRecord>();
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(readonly dir: string) {}

  pathOf(id: string): string {
    if (!SAFE_ID.test(id)) throw new MixscopeError(`'${id}' is not a valid run id (letters, digits, '.', '_', '-')`, 'invalid-input');
    return join(this.dir, `${id}.json`);
  }

  async create(start: RunStart): Promise<RunRecord> {
    const record = startRunRecord(start);
    await this.save(record);
    return record;
  }

  async appendPoint(id: string, point: PointRecord): Promise<RunRecord> {
    return this.update(id, (r) => appendPoint(r, point));
  }

  async finish(id: string, end: RunEnd): Promise<RunRecord> {
    const record = await this.update(id, (r) => finishRunRecord(r, end));
    this.live.delete(id);
    return record;
  }

  /** Writes a whole record (an import, or a run's start). */
  async save(record: RunRecord): Promise<void> {
    await this.locked(record.id, () => this.write(record));
  }

  async read(id: string): Promise<RunRecord> {
    const path = this.pathOf(id);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
      throw new MixscopeError(missing ? `no saved run '${id}' in ${this.dir}` : `cannot read ${path}: ${errorMessage(err)}`, 'io');
    }
    return parseRunRecordText(text, basename(path));
  }

  async has(id: string): Promise<boolean> {
    return stat(this.pathOf(id)).then(
      () => true,
      () => false,
    );
  }

  /** Every readable run, newest first. A foreign or corrupt file in the folder is passed over, not fatal. */
  async list(): Promise<RunRecord[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    const records: RunRecord[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const id = name.slice(0, -'.json'.length);
      if (!SAFE_ID.test(id)) continue;
      await this.read(id).then((r) => records.push(r), () => undefined);
    }
    return records.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async remove(id: string): Promise<void> {
    const path = this.pathOf(id);
    await this.locked(id, () => rm(path, { force: true }));
    this.live.delete(id);
  }

  /** Copies a run file from disk into the store after checking it in full; returns the stored record. */
  async importFile(file: string): Promise<RunRecord> {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (err) {
      throw new MixscopeError(`cannot read ${file}: ${errorMessage(err)}`, 'io');
    }
    const record = parseRunRecordText(text, basename(file));
    if (await this.has(record.id)) throw new MixscopeError(`a run with id '${record.id}' is already in ${this.dir}`, 'io');
    await this.save(record);
    return record;
  }

  private async write(record: RunRecord): Promise<void> {
    const path = this.pathOf(record.id);
    await mkdir(this.dir, { recursive: true });
    await writeFileAtomic(path, runRecordToJson(record));
    this.live.set(record.id, record);
  }

  /** Read-modify-write under the run's lock, so concurrent appends never lose a point. */
  private update(id: string, change: (r: RunRecord) => RunRecord): Promise<RunRecord> {
    return this.locked(id, async () => {
      const next = change(this.live.get(id) ?? (await this.read(id)));
      await this.write(next);
      return next;
    });
  }

  /** Runs `task` after every earlier task on the same run has settled. */
  private locked<T>(id: string, task: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(id) ?? Promise.resolve();
    const next = previous.then(task, task);
    this.queues.set(id, next.catch(() => undefined));
    return next;
  }
}
