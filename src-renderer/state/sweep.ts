/**
 * The sweep in flight: its id, progress and the points measured so far, fed by the contract's
 * events. Points arriving close together (a cancelled sweep lands its open points in a burst) are
 * added in one go, at most POINT_BATCH_MS after the first of them, and at once when the run ends:
 * the page keeps up with the socket instead of redrawing between messages.
 */
import { computed, shallowRef } from 'vue';
import type { PointRecord, Progress, RunFinished, RunRecord, SweepSettings } from '@contract/index.js';
import type { ChartRun } from '../charts/chart-run.js';
import { client, messageOf } from '../api/client.js';

// The run being measured (or last measured), to match events and to cancel.
const runId = shallowRef<string>();
// Its settings: the charts' axes and the reference objects need d, d_v, dtype.
const settings = shallowRef<SweepSettings>();
// Latest progress event: the bar, ETA and the point being measured.
const progress = shallowRef<Progress>();
// Finished points in arrival order; big, so never deeply reactive.
const points = shallowRef<PointRecord[]>([]);
// Set when the run ends: complete, cancelled or failed (with its reason).
const finished = shallowRef<RunFinished>();
// A refused start or cancel, shown by the buttons.
const error = shallowRef<string>();
// The saved record once the run ends: its fits, crossovers and calibration replace the live ones.
const record = shallowRef<RunRecord>();
// A cancel was asked for and not yet confirmed by runFinished.
const cancelling = shallowRef(false);

/** How long an arriving point may wait for others before the charts see it. */
export const POINT_BATCH_MS = 150;
let arriving: PointRecord[] = [];
let flushTimer: ReturnType<typeof setTimeout> | undefined;
function flushPoints(): void {
  clearTimeout(flushTimer);
  flushTimer = undefined;
  if (arriving.length === 0) return;
  points.value = [...points.value, ...arriving];
  arriving = [];
}

const running = computed(() => runId.value !== undefined && finished.value === undefined);
const chartRun = computed<ChartRun | undefined>(() => {
  if (record.value) return record.value;
  return settings.value ? { settings: settings.value, points: points.value, fits: [], crossovers: [], calibration: [] } : undefined;
});

let subscribed = false;
function subscribe(): void {
  if (subscribed) return;
  subscribed = true;
  client.onProgress((p) => {
    if (p.runId === runId.value) progress.value = p;
  });
  client.onPoint((e) => {
    if (e.runId !== runId.value) return;
    arriving.push(e.point);
    flushTimer ??= setTimeout(flushPoints, POINT_BATCH_MS);
  });
  client.onRunFinished((f) => {
    if (f.runId !== runId.value) return;
    flushPoints();
    finished.value = f;
    cancelling.value = false;
    client
      .openRun({ id: f.runId })
      .then((r) => {
        if (r.id === runId.value) record.value = r;
      })
      .catch((err: unknown) => (error.value = messageOf(err)));
  });
  client.onError((e) => {
    if (e.runId === undefined || e.runId === runId.value) error.value = e.message;
  });
}

function reset(next: SweepSettings, id?: string): void {
  settings.value = next;
  runId.value = id;
  progress.value = undefined;
  clearTimeout(flushTimer);
  flushTimer = undefined;
  arriving = [];
  points.value = [];
  finished.value = undefined;
  record.value = undefined;
  error.value = undefined;
}

async function start(next: SweepSettings): Promise<void> {
  subscribe();
  reset(next);
  try {
    const { runId: id } = await client.startSweep(next);
    runId.value = id;
  } catch (err) {
    error.value = messageOf(err);
  }
}

async function cancel(): Promise<void> {
  if (!runId.value || !running.value) return;
  cancelling.value = true;
  try {
    await client.cancelSweep({ runId: runId.value });
  } catch (err) {
    cancelling.value = false;
    error.value = messageOf(err);
  }
}

/** A reloaded window catches up with a sweep that is still running (its earlier points are in the store). */
async function resume(): Promise<void> {
  subscribe();
  const state = await client.getSweepState({}).catch(() => undefined);
  if (state?.running && state.runId && state.settings) {
    reset(state.settings, state.runId);
    progress.value = state.progress;
  }
}

export function useSweep() {
  return { runId, settings, progress, points, finished, error, cancelling, running, chartRun, start, cancel, resume };
}
