/**
 * A run record kept at a path of the user's choosing (`mixscope run --out FILE.json`): the JSON
 * and a CSV beside it, both rewritten atomically after every point, so that a crash or Ctrl-C
 * leaves both files whole and up to date.
 */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { MixscopeError, errorMessage } from '../engine/core/errors.js';
import { runRecordToCsv } from '../engine/record/csv.js';
import { runRecordToJson } from '../engine/record/json.js';
import type { RunRecord } from '../engine/record/schema.js';
import { writeFileAtomic } from '../services/atomic-write.js';

export function csvPathFor(jsonPath: string): string {
  return jsonPath.endsWith('.json') ? `${jsonPath.slice(0, -'.json'.length)}.csv` : `${jsonPath}.csv`;
}

export class RecordFile {
  readonly csvPath: string;
  private pending: Promise<void> = Promise.resolve();

  constructor(readonly path: string) {
    this.csvPath = csvPathFor(path);
  }

  /** Writes are chained so the files always end at the latest record. */
  write(record: RunRecord): Promise<void> {
    this.pending = this.pending.then(async () => {
      try {
        await mkdir(dirname(this.path), { recursive: true });
        await writeFileAtomic(this.path, runRecordToJson(record));
        await writeFileAtomic(this.csvPath, runRecordToCsv(record));
      } catch (err) {
        throw new MixscopeError(`cannot write ${this.path}: ${errorMessage(err)}`, 'io');
      }
    });
    return this.pending;
  }
}
