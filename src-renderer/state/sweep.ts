/**
 * The sweep in flight: its id, progress and the points measured so far, fed by the contract's
 * events. Points are a shallowRef replaced on each arrival, so charts recompute once per point.
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
    if (e.runId === runId.value) points.value = [...points.value, e.point];
  });
  client.onRunFinished((f) => {
    if (f.runId !== runId.value) return;
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
