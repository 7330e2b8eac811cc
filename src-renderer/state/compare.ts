/**
 * The comparison: which saved runs are picked (in History or here), which one is the baseline, the
 * options, and the comparison the main side returned. Reports of a run or of the comparison are
 * rendered by the main side and saved as downloads.
 */
import { computed, shallowRef } from 'vue';
import { MAX_COMPARED_RUNS, type CompareRequest, type Comparison, type ReportFormat, type RunSummary } from '@contract/index.js';
import type { BackendId } from '@engine/core/backend.js';
import { client, messageOf } from '../api/client.js';
import { downloadReport } from '../files/download-report.js';

// Run ids picked for comparison, in the order picked; the History checkboxes and the Compare view share it.
const picked = shallowRef<string[]>([]);
// The run the others are measured against; the first picked unless the user chose another.
const chosenBaseline = shallowRef<string>();
// Noise threshold (a fraction) and an optional named backend pair, as the compare form holds them.
const threshold = shallowRef(0.05);
const pair = shallowRef<{ baseline: BackendId; other: BackendId }>();
// The last comparison returned and the request that made it (the report export repeats that request).
const comparison = shallowRef<Comparison>();
const request = shallowRef<CompareRequest>();
// Why the last compare or export failed, shown in the Compare view.
const error = shallowRef<string>();
// A compare or export in flight (buttons wait).
const busy = shallowRef(false);

const baseline = computed(() => (chosenBaseline.value && picked.value.includes(chosenBaseline.value) ? chosenBaseline.value : picked.value[0]));
/** Two runs at least; the same run twice only pairs two of its backends. */
const ready = computed(() => picked.value.length >= 2 || (picked.value.length === 1 && pair.value !== undefined));

function toggle(id: string, on: boolean): void {
  const without = picked.value.filter((p) => p !== id);
  if (on && without.length >= MAX_COMPARED_RUNS) {
    error.value = `At most ${MAX_COMPARED_RUNS} runs can be compared at once`;
    return;
  }
  picked.value = on ? [...without, id] : without;
}

function pickOnly(ids: readonly string[]): void {
  picked.value = ids.slice(0, MAX_COMPARED_RUNS);
}

function currentRequest(): CompareRequest | undefined {
  const base = baseline.value;
  if (!base || !ready.value) return undefined;
  const ids = picked.value.length === 1 ? [base, base] : picked.value;
  return { ids, baseline: base, threshold: threshold.value, ...(pair.value ? { pair: pair.value } : {}) };
}

async function guarded(task: () => Promise<void>): Promise<void> {
  error.value = undefined;
  busy.value = true;
  try {
    await task();
  } catch (err) {
    error.value = messageOf(err);
  } finally {
    busy.value = false;
  }
}

async function compare(): Promise<void> {
  const next = currentRequest();
  if (!next) {
    error.value = 'Pick two runs or more (or one run and a backend pair) to compare';
    return;
  }
  await guarded(async () => {
    comparison.value = await client.compareRuns(next);
    request.value = next;
  });
}

async function exportComparison(format: ReportFormat): Promise<void> {
  const made = request.value;
  if (!made) return;
  await guarded(async () => downloadReport(await client.exportReport({ kind: 'comparison', compare: made, format })));
}

/** A report of one saved run (History's per-run button, File ▸ Export report…). */
async function exportRunReport(id: string, format: ReportFormat): Promise<string | undefined> {
  try {
    downloadReport(await client.exportReport({ kind: 'run', id, format }));
    return undefined;
  } catch (err) {
    return messageOf(err);
  }
}

/** Drops picks whose run has left the history (deleted elsewhere). */
function prune(runs: readonly RunSummary[]): void {
  const ids = new Set(runs.map((r) => r.id));
  if (picked.value.some((id) => !ids.has(id))) picked.value = picked.value.filter((id) => ids.has(id));
}

export function useCompare() {
  return { picked, chosenBaseline, baseline, threshold, pair, comparison, error, busy, ready, toggle, pickOnly, prune, compare, exportComparison, exportRunReport };
}
