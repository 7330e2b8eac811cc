/**
 * The history: saved runs listed (newest first), opened, deleted, exported, and run files (or
 * reports with their embedded runs) from elsewhere imported. An import is all or nothing: the file
 * is parsed and checked in full before the store is touched, so a bad file is refused with its
 * reason and nothing else changes.
 */
import { runRecordToCsv } from '../engine/record/csv.js';
import { runRecordToJson } from '../engine/record/json.js';
import { readRunFileText } from '../engine/report/read.js';
import type { RunRecord } from '../engine/record/schema.js';
import { ContractError } from '../contract/envelope.js';
import { formatBytes, MAX_RUN_FILE_BYTES } from '../contract/transfer-limits.js';
import type { ExportFormat, RunSummary } from '../contract/schemas.js';
import { summarizeRun } from './run-summary.js';

/** The part of the run store the history uses. */
export interface HistoryStore {
  list(): Promise<readonly RunRecord[]>;
  /** The history list straight from the store's index, unreadable files listed as such (RunStore has it). */
  summaries?(): Promise<RunSummary[]>;
  /** Throws MixscopeError code 'io' or 'invalid-record' when the run is missing or unreadable. */
  read(id: string): Promise<RunRecord>;
  has(id: string): Promise<boolean>;
  remove(id: string): Promise<void>;
  save(record: RunRecord): Promise<void>;
}

export class RunsService {
  constructor(private readonly store: HistoryStore) {}

  async list(): Promise<RunSummary[]> {
    if (this.store.summaries) return this.store.summaries();
    const records = await this.store.list();
    return records.map(summarizeRun).sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
  }

  async open(id: string): Promise<RunRecord> {
    await this.mustExist(id);
    return this.store.read(id);
  }

  async remove(id: string): Promise<{ deleted: boolean }> {
    if (!(await this.store.has(id))) return { deleted: false };
    await this.store.remove(id);
    return { deleted: true };
  }

  /**
   * A run record `.json`, or a report `.html` with its embedded records (one for a run report, every
   * compared run for a comparison report: all checked before any is saved). A run already in the
   * history (same id) is opened, not written again. Resolves with the first run (a comparison's baseline).
   */
  async import(fileName: string, text: string): Promise<RunRecord> {
    if (text.length > MAX_RUN_FILE_BYTES) throw new ContractError('invalid-request', `${fileName}: ${text.length} characters, over the ${formatBytes(MAX_RUN_FILE_BYTES)} a run file may have`);
    const { records } = readRunFileText(fileName, text);
    const first = records[0];
    if (!first) throw new ContractError('invalid-request', `${fileName}: holds no run`);
    for (const record of records) if (!(await this.store.has(record.id))) await this.store.save(record);
    // As stored: a record still marked 'running' comes back 'interrupted'.
    return this.store.read(first.id);
  }

  async export(id: string, format: ExportFormat): Promise<{ fileName: string; text: string }> {
    const record = await this.open(id);
    return format === 'json'
      ? { fileName: `mixscope-${id}.json`, text: runRecordToJson(record) }
      : { fileName: `mixscope-${id}.csv`, text: runRecordToCsv(record) };
  }

  private async mustExist(id: string): Promise<void> {
    if (!(await this.store.has(id))) throw new ContractError('not-found', `no saved run '${id}'`);
  }
}
