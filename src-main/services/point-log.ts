/**
 * A running run's points, one JSON line each, appended to `<id>.points.jsonl` and flushed to the
 * disk (fdatasync) before the point counts as saved: O(1) I/O per point, and a kill at any moment
 * leaves every point whose append returned. The first line names the writer (writer-liveness.ts),
 * so a later reader can tell a crashed run from one still being recorded. A last line without its
 * newline is a write the kill cut short and is dropped; so is a tail of NUL bytes (a power cut can
 * extend a file before its data lands). Any other bad line is an error naming the line.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { MixscopeError } from '../engine/core/errors.js';
import { describeIssue } from '../engine/record/issue.js';
import { pointRecordSchema, type PointRecord } from '../engine/record/point.js';
import { syncFolder } from './atomic-write.js';
import type { Writer } from './writer-liveness.js';

const LOG_FORMAT = 'mixscope-points';

const headerSchema = z.object({
  log: z.literal(LOG_FORMAT),
  run: z.string(),
  writer: z.object({ pid: z.number().int(), host: z.string(), token: z.string() }),
});

export interface PointLog {
  readonly writer: Writer;
  readonly points: PointRecord[];
}

/** Creates the log (refusing an existing one) with its header line, flushed with its folder entry. */
export async function createPointLog(path: string, runId: string, writer: Writer): Promise<FileHandle> {
  const handle = await open(path, 'wx');
  try {
    await handle.appendFile(`${JSON.stringify({ log: LOG_FORMAT, run: runId, writer })}\n`);
    await handle.datasync();
    await syncFolder(dirname(path));
  } catch (err) {
    await handle.close();
    throw err;
  }
  return handle;
}

/** Appends points (a line each, in one write) and waits until they are on the disk. */
export async function appendToPointLog(handle: FileHandle, points: readonly PointRecord[]): Promise<void> {
  await handle.appendFile(points.map((point) => `${JSON.stringify(point)}\n`).join(''));
  await handle.datasync();
}

const isPadding = (line: string): boolean => /^\0*$/.test(line);

export function parsePointLog(text: string, source: string): PointLog {
  const lines = text.split('\n');
  // The text after the last newline was never completed (or is empty).
  lines.pop();
  while (lines.length > 0 && isPadding(lines[lines.length - 1]!)) lines.pop();
  const [head, ...rest] = lines;
  const header = head === undefined ? null : headerSchema.safeParse(parseJson(head));
  if (!header?.success) throw new MixscopeError(`${source} line 1: not a mixscope point log header`, 'invalid-record');
  const points = rest.map((line, i) => {
    const result = pointRecordSchema.safeParse(parseJson(line));
    if (!result.success) {
      const first = result.error.issues[0];
      throw new MixscopeError(`${source} line ${i + 2}: ${first ? describeIssue(first, parseJson(line)) : 'not a point record'}`, 'invalid-record');
    }
    return result.data;
  });
  return { writer: header.data.writer, points };
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
