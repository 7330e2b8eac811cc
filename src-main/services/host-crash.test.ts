/**
 * Web mode's services (`mixscope serve` and the CLI assemble the same ones): every Node backend in
 * a compute host process. A host killed from outside mid-kernel gives a 'host-crashed' point and
 * a new host measures the rest; a cancel stops a kernel mid-run instead of waiting for it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostBackend } from '../gpu/node/host-backend.js';
import { BackendPool } from './backend-pool.js';
import { CRASH_SWEEP, killMidKernel } from './crash-test-kit.js';
import { createServices, type MainServices } from './create-services.js';
import { nodeAbsentReason, nodeBackendFactories } from './node-backends.js';

describe('web-mode services with compute host processes', () => {
  let dir: string;
  let pool: BackendPool;
  let services: MainServices;
  const jsPid = async () => ((await pool.get('js')) as HostBackend).pid;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mixscope-hosts-'));
    pool = new BackendPool(nodeBackendFactories({ pageHost: false }), 'node (test)', nodeAbsentReason);
    services = createServices({ runsDir: dir, app: { name: 'mixscope', version: 'test', host: 'node (test)' }, backends: pool });
  });
  afterAll(async () => {
    await services.shutdown();
    await rm(dir, { recursive: true, force: true });
  });

  it('records the point of a host killed mid-kernel as host-crashed and measures the rest in a new host', async () => {
    const js = (await pool.get('js')) as HostBackend;
    let killed: number | undefined;
    const record = await killMidKernel(services, () => (killed = js.pid));
    expect(record.points.every((p) => p.host === 'node-host (js, process CPU clock)')).toBe(true);
    expect(js.pid).toBeDefined();
    expect(js.pid).not.toBe(killed);
  }, 120_000);

  it('a cancel during a long kernel kills its host and ends the sweep as cancelled', async () => {
    // One js sample at L = 4096 takes seconds: far longer than the cancel may.
    const settings = { ...CRASH_SWEEP, lengths: [64, 4096], repetitions: 3, timeBudgetMs: 600_000 };
    const { runId } = await services.sweep.start(settings);
    await new Promise<void>((resolve) => {
      const detach = services.hub.attach((event, payload) => {
        if (event === 'progress' && (payload as { current?: { L: number } }).current?.L === 4096) {
          detach();
          setTimeout(resolve, 300);
        }
      });
    });
    const pid = await jsPid();
    const asked = performance.now();
    expect(services.sweep.cancel(runId)).toEqual({ cancelled: true });
    await services.sweep.idle();
    // Far below one L = 4096 sample; the contract's one second is measured by scripts/cancel-latency.ts.
    expect(performance.now() - asked).toBeLessThan(5_000);
    const record = await services.store.read(runId);
    expect(record.status).toBe('cancelled');
    // Whatever the schedule finished before is kept; the point cut short is not passed off as measured.
    expect(record.points.filter((p) => p.L === 4096 && p.status === 'ok')).toEqual([]);
    expect(await jsPid()).toBeUndefined();
    // The killed host is gone once the OS has reaped it, a moment after the kill.
    await expect.poll(() => { try { process.kill(pid!, 0); return 'alive'; } catch { return 'gone'; } }, { timeout: 5_000 }).toBe('gone');
  }, 120_000);
});
