/**
 * The CLI's record file under a burst of points: writes are coalesced while one is in flight, every
 * caller's promise settles once a record at least as new as its own is on disk, and the files
 * end at the newest record, whole.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { appendPoint } from '../engine/record/build.js';
import { parseRunRecordText } from '../engine/record/parse.js';
import { RecordFile } from './record-file.js';

const GOLDEN = new URL('../engine/record/golden/valid-v5.json', import.meta.url);

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('coalesces a burst of writes and ends at the newest record', async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixscope-record-file-'));
  const golden = parseRunRecordText(readFileSync(GOLDEN, 'utf8'));
  const file = new RecordFile(join(dir, 'run.json'));
  let record = { ...golden, points: [] as typeof golden.points };
  const writes: Promise<void>[] = [];
  for (let i = 0; i < 40; i++) {
    record = appendPoint(record, { ...golden.points[0]!, L: 8 + i });
    writes.push(file.write(record));
  }
  await Promise.all(writes);
  const onDisk = parseRunRecordText(readFileSync(join(dir, 'run.json'), 'utf8'));
  expect(onDisk.points.map((p) => p.L)).toEqual(record.points.map((p) => p.L));
  expect(readFileSync(join(dir, 'run.csv'), 'utf8').trim().split('\n')).toHaveLength(41);
  // No temporary file is left behind.
  expect(readdirSync(dir).sort()).toEqual(['run.csv', 'run.json']);
});

it('reports a failed write with its file, and the next write tries again', async () => {
  dir = mkdtempSync(join(tmpdir(), 'mixscope-record-file-'));
  const golden = parseRunRecordText(readFileSync(GOLDEN, 'utf8'));
  // A plain file where the record's folder should be: the write fails until it is gone.
  writeFileSync(join(dir, 'blocker'), '');
  const file = new RecordFile(join(dir, 'blocker', 'run.json'));
  await expect(file.write(golden)).rejects.toThrow(/cannot write .*blocker.run\.json/);
  rmSync(join(dir, 'blocker'));
  await file.write(golden);
  expect(parseRunRecordText(readFileSync(join(dir, 'blocker', 'run.json'), 'utf8')).id).toBe(golden.id);
});
