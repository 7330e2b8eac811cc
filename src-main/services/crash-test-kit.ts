/**
 * The shared scenario of the host-crash tests (web mode's services, the app's main services): a
 * small js sweep whose compute host is killed from outside while a kernel of the second length
 * runs. The point in flight must say 'host-crashed' with the reason, and every other point must
 * be measured by a new host.
 */
import { expect } from 'vitest';
import type { RunRecord } from '../engine/record/schema.js';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from '../engine/sweep/settings.js';
import type { MainServices } from './create-services.js';

/** Three lengths; each js point runs long enough (tens of ms per sample) for a kill to land mid-kernel. */
export const CRASH_SWEEP: SweepSettings = {
  ...DEFAULT_SWEEP_SETTINGS,
  lengths: [256, 512, 1024],
  d: 32,
  dv: 32,
  warmup: 0,
  repetitions: 20,
  // Each point samples long enough that the kill, 150 ms in, lands mid-point on a fast machine too.
  minTimeMs: 1_500,
  mixers: ['softmax-attention'],
  forms: { 'softmax-attention': ['materialized'] },
  backends: ['js'],
  verify: false,
  calibrate: false,
};

/** Runs CRASH_SWEEP, kills the host (`pid()`) once the L = 512 point has started, and checks the record. */
export async function killMidKernel(services: MainServices, pid: () => number | undefined): Promise<RunRecord> {
  let killed = false;
  const detach = services.hub.attach((event, payload) => {
    const current = (payload as { current?: { L: number } }).current;
    if (event !== 'progress' || killed || current?.L !== 512) return;
    killed = true;
    // A moment into the point: its kernels are prepared and sampling in the host.
    setTimeout(() => process.kill(pid()!, 'SIGKILL'), 150);
  });
  const { runId } = await services.sweep.start(CRASH_SWEEP);
  await services.sweep.idle();
  detach();
  const record = await services.store.read(runId);
  expect(killed).toBe(true);
  expect(record.status).toBe('complete');
  // In L order: the schedule may interleave lengths.
  const byL = [...record.points].sort((a, b) => a.L - b.L);
  expect(byL.map((p) => [p.L, p.status])).toEqual([
    [256, 'ok'],
    [512, 'host-crashed'],
    [1024, 'ok'],
  ]);
  expect(byL[1]!.reason).toMatch(/js compute host stopped: (killed by SIGKILL|exit code)/);
  return record;
}
