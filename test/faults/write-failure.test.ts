/**
 * A write failure injected into the run store in the middle of a real sweep (the js backend):
 * the sweep stops with an error that says what could not be written, and every point reported
 * before is on disk, unchanged. Twice: a failure of one append (the record closes as 'failed'),
 * and a disk that refuses everything from then on (the record cannot close; the next store to
 * open the folder finds it 'interrupted').
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createJsBackend } from '../../src-main/engine/backends/js.js';
import { calibrateBackends } from '../../src-main/engine/backends/calibrate.js';
import type { PointRecord } from '../../src-main/engine/record/point.js';
import { runSweep } from '../../src-main/engine/sweep/run.js';
import { describeEnvironment, probeBackends } from '../../src-main/services/environment.js';
import { EventHub } from '../../src-main/services/event-hub.js';
import { RunStore, type StoreFaults } from '../../src-main/services/run-store.js';
import { SweepService } from '../../src-main/services/sweep-service.js';
import { TINY_SWEEP } from '../../src-main/services/test-settings.js';
import { newTally, printTally } from './tally.js';

const tally = newTally('write-failure');
const SWEEP = { ...TINY_SWEEP, lengths: [8, 16, 32, 48, 64], calibrate: false };
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mixscope-write-failure-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));
afterAll(() => printTally(tally));

/** Fails writes of `kind` from the `from`-th one on (1-based), as a full disk does. */
function failing(from: number, kinds: readonly ('point' | 'record')[], once: boolean): StoreFaults {
  let points = 0;
  let failed = false;
  return {
    beforeWrite(kind) {
      if (kind === 'point') points++;
      if (!kinds.includes(kind) || points < from || (once && failed)) return;
      if (!failed) tally.faultsInjected++;
      failed = true;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    },
  };
}

async function sweepWith(store: RunStore) {
  const hub = new EventHub();
  const reported: PointRecord[] = [];
  const errors: string[] = [];
  let finished: unknown;
  hub.attach((event, payload) => {
    if (event === 'point') reported.push((payload as { point: PointRecord }).point);
    if (event === 'error') errors.push((payload as { message: string }).message);
    if (event === 'runFinished') finished = payload;
  });
  const sweep = new SweepService({
    store,
    hub,
    backends: async () => [createJsBackend({ host: 'test' })],
    environment: async (backends) => describeEnvironment({ name: 'mixscope', version: 'test', host: 'test' }, await probeBackends(backends)),
    calibrate: calibrateBackends,
    runSweep,
  });
  const { runId } = await sweep.start(SWEEP);
  await sweep.idle();
  return { runId, reported, errors, finished: finished as { status: string; points: number; failure?: string } };
}

describe('a write failure mid-sweep', () => {
  it('stops the sweep with a clear error; the record closes as failed with every point before it', async () => {
    const store = new RunStore(dir, failing(3, ['point'], true));
    const { runId, reported, errors, finished } = await sweepWith(store);
    expect(finished).toMatchObject({ status: 'failed', points: 2 });
    expect(finished.failure).toMatch(new RegExp(`^cannot save point 3 of run ${runId} to .*\\.points\\.jsonl: ENOSPC: no space left on device`));
    expect(errors[0]).toContain('ENOSPC');
    await store.close();
    const reopened = new RunStore(dir);
    const record = await reopened.read(runId);
    expect(record.status).toBe('failed');
    expect(record.points).toEqual(reported);
    tally.pointsLost += reported.length - record.points.length;
    tally.faultsSurvived++;
    await reopened.close();
  });

  it('keeps every point when the disk refuses everything after, and the next start finds the run interrupted', async () => {
    const store = new RunStore(dir, failing(4, ['point', 'record'], false));
    const { runId, reported, errors, finished } = await sweepWith(store);
    expect(finished).toMatchObject({ status: 'failed', points: 3 });
    expect(errors.some((e) => e.startsWith(`could not close run ${runId}: cannot close run ${runId}`))).toBe(true);
    await store.close();
    const reopened = new RunStore(dir);
    const [summary] = await reopened.summaries();
    expect(summary).toMatchObject({ id: runId, status: 'interrupted', points: 3 });
    const record = await reopened.read(runId);
    expect(record.points).toEqual(reported);
    tally.pointsLost += reported.length - record.points.length;
    tally.faultsSurvived++;
    await reopened.close();
  });
});
