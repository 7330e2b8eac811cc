import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { calibrateBackends } from '../engine/backends/calibrate.js';
import { createJsBackend } from '../engine/backends/js.js';
import { runSweep } from '../engine/sweep/run.js';
import type { EventName } from '../contract/names.js';
import { describeEnvironment } from './environment.js';
import { EventHub } from './event-hub.js';
import { RunStore } from './run-store.js';
import { SweepService } from './sweep-service.js';
import { TINY_SWEEP } from './test-settings.js';

describe('SweepService', () => {
  let dir: string;
  let store: RunStore;
  let events: { event: EventName; payload: unknown }[];
  let service: SweepService;
  let hub: EventHub;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mixscope-sweep-'));
    store = new RunStore(dir);
    events = [];
    hub = new EventHub();
    hub.attach((event, payload) => events.push({ event, payload }));
    const js = createJsBackend({ host: 'test' });
    service = new SweepService({
      store,
      hub,
      backends: async () => [js],
      environment: async () => describeEnvironment({ name: 'mixscope', version: 'test', host: 'test' }, [await js.probe()]),
      calibrate: calibrateBackends,
      runSweep,
    });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('saves each point as it lands and closes the record complete', async () => {
    const { runId } = await service.start(TINY_SWEEP);
    await service.idle();
    const record = await store.read(runId);
    expect(record.status).toBe('complete');
    // Points are saved as they land, in the interleaved schedule's order.
    expect(record.points.map((p) => p.L).sort((a, b) => a - b)).toEqual([8, 16, 32, 64]);
    // The roofline is measured before the sweep, so every point carries its fraction of it.
    expect(record.calibration).toEqual([expect.objectContaining({ backend: 'js' })]);
    expect(record.points.every((p) => p.rooflineFraction !== null && p.rooflineFraction > 0)).toBe(true);
    expect(events.filter((e) => e.event === 'point').map((e) => (e.payload as { index: number }).index)).toEqual([0, 1, 2, 3]);
    expect(events.at(-1)).toEqual({ event: 'runFinished', payload: { runId, status: 'complete', points: 4 } });
  });

  it('cancel stops the sweep and keeps the points that finished, on disk', async () => {
    let runId = '';
    let onDiskAtCancel: Promise<number> = Promise.resolve(-1);
    // Cancel when the second point's event arrives; by then that point is already in the file.
    hub.attach((event, payload) => {
      if (event === 'point' && (payload as { index: number }).index === 1) {
        onDiskAtCancel = store.read(runId).then((r) => r.points.length);
        expect(service.cancel(runId)).toEqual({ cancelled: true });
      }
    });
    runId = (await service.start(TINY_SWEEP)).runId;
    await service.idle();
    const record = await store.read(runId);
    expect(await onDiskAtCancel).toBe(2);
    expect(record.status).toBe('cancelled');
    // The two landed before the cancel are kept; points still open then land with what they had.
    expect(record.points.length).toBeGreaterThanOrEqual(2);
    expect(record.points.every((p) => [8, 16, 32, 64].includes(p.L))).toBe(true);
    expect(events.find((e) => e.event === 'runFinished')?.payload).toEqual({ runId, status: 'cancelled', points: record.points.length });
    expect(service.state()).toEqual({ running: false });
    expect(service.cancel(runId)).toEqual({ cancelled: false });
  });

  it('refuses a second sweep while one runs, and bad settings before touching the store', async () => {
    await expect(service.start({ ...TINY_SWEEP, mixers: ['no-such-mixer'] })).rejects.toThrow(/unknown mixer 'no-such-mixer'/);
    expect(await store.list()).toEqual([]);
    await service.start(TINY_SWEEP);
    await expect(service.start(TINY_SWEEP)).rejects.toMatchObject({ code: 'busy' });
    await service.idle();
  });
});
