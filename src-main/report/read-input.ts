/**
 * The CLI's (and the app's) reader of a run given by path: a record `.json` or a report `.html`
 * (its embedded data, validated through parseRunRecord). Every problem is one MixscopeError that
 * names the file.
 */
import { readFile } from 'node:fs/promises';
import { MixscopeError } from '../engine/core/errors.js';
import type { ReportContents } from '../engine/report/data.js';
import { readRunFileText } from '../engine/report/read.js';
import type { RunRecord } from '../engine/record/schema.js';

export async function readReportInput(path: string): Promise<ReportContents> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' ? 'permission denied' : (err as Error).message;
    throw new MixscopeError(`cannot read ${path}: ${why}`, 'io');
  }
  if (text.trim() === '') throw new MixscopeError(`${path} is empty`, 'invalid-record');
  return readRunFileText(path, text, path);
}

/** Every run record in the file (one for a record or a run report, several for a comparison report). */
export async function readRunRecords(path: string): Promise<RunRecord[]> {
  return (await readReportInput(path)).records;
}

/** Exactly one run: a comparison report with several runs is refused, naming how many it holds. */
export async function readRunRecord(path: string): Promise<RunRecord> {
  const records = await readRunRecords(path);
  if (records.length !== 1) {
    throw new MixscopeError(`${path} holds a comparison of ${records.length} runs; give one run (a record .json or a run report .html)`, 'invalid-input');
  }
  return records[0]!;
}
