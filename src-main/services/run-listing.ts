/**
 * The history list of a run store: every `<id>.json` in the folder as a summary, newest first.
 * Runs being recorded are summarised from memory, others from the index when the file is
 * unchanged, else read once; a file that cannot be read is listed as 'unreadable' with the reason.
 */
import { readdir, stat } from 'node:fs/promises';
import type { RunSummary } from '../contract/schemas.js';
import { errorMessage } from '../engine/core/errors.js';
import { isRunId } from '../engine/record/run-id.js';
import type { RunIndex } from './run-index.js';
import { stampOf } from './run-index.js';
import type { LiveRun, RunStore } from './run-store.js';
import { summarizeRun, unreadableRun } from './run-summary.js';

export async function listRunSummaries(store: RunStore, index: RunIndex, live: ReadonlyMap<string, LiveRun>): Promise<RunSummary[]> {
  const names = await readdir(store.dir).catch(() => [] as string[]);
  const ids = names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).map((n) => n.slice(0, -'.json'.length)).filter(isRunId);
  const summaries = await Promise.all(ids.map((id) => summaryOf(store, index, live, id)));
  index.keepOnly(new Set(ids));
  await index.save();
  return summaries.filter((s): s is RunSummary => s !== null).sort((a, b) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0));
}

async function summaryOf(store: RunStore, index: RunIndex, live: ReadonlyMap<string, LiveRun>, id: string): Promise<RunSummary | null> {
  const run = live.get(id);
  if (run) return summarizeRun({ ...run.head, points: run.points });
  const stats = await stat(store.pathOf(id)).catch(() => null);
  // Removed since the folder was read.
  if (!stats) return null;
  const stamp = stampOf(stats);
  const cached = index.get(id, stamp);
  if (cached) return cached;
  let summary: RunSummary;
  try {
    summary = summarizeRun(await store.read(id));
  } catch (err) {
    summary = unreadableRun(id, stats.mtime, errorMessage(err));
  }
  // A run another process is still recording changes without its head file changing.
  if (summary.status !== 'running') index.set(id, stamp, summary);
  return summary;
}
