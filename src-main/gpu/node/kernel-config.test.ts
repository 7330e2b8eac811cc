/**
 * The autotuner's choice travels with every point: a wgsl compute host calibrated (and so
 * autotuned) prepares kernels that carry their configuration across the process boundary into
 * the sweep's point records; a second host on the same adapter, given the same user-data folder,
 * reuses the cached choice without re-timing (the cache file is not rewritten). On Dawn, on the
 * test routes; skipped visibly without an adapter. Tiny points (L = 37, d = 8).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { Backend } from '../../engine/core/backend.js';
import { runSweep } from '../../engine/sweep/run.js';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from '../../engine/sweep/settings.js';
import { wgslSupport } from '../wgsl/backend.js';
import { SCAN_KINDS } from '../wgsl/scan-config.js';
import { gpuDescribe, TEST_ROUTES } from '../wgsl/test-host.js';
import { spawnHostBackend } from './host-process.js';
import { TUNING_CACHE_FILE } from './tuning-cache.js';

const dir = mkdtempSync(join(tmpdir(), 'mixscope-kernel-config-'));
const hosts: Backend[] = [];
const startHost = () => {
  const host = spawnHostBackend('wgsl', (mixer, form, dtype) => wgslSupport(mixer, form, dtype), { routes: TEST_ROUTES, tuningCacheDir: dir });
  hosts.push(host);
  return host;
};
afterAll(async () => {
  for (const host of hosts) await host.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const settings: SweepSettings = {
  ...DEFAULT_SWEEP_SETTINGS,
  lengths: [37],
  d: 8,
  dv: 8,
  mixers: ['softmax-attention'],
  // materialized applies its values with the register tile; fused runs its own tuned kernel.
  forms: { 'softmax-attention': ['materialized', 'fused'] },
  backends: ['wgsl'],
  warmup: 0,
  repetitions: 3,
  minTimeMs: 0,
  pointTimeCapMs: 200,
  order: 'in-order',
};

async function sweepPoints(host: Backend) {
  const { points } = await runSweep(settings, [host]);
  const of = (form: string) => points.find((p) => p.form === form)!;
  expect(of('materialized').status).toBe('ok');
  expect(of('fused').status).toBe('ok');
  return { tuned: of('materialized'), fused: of('fused') };
}

const first = startHost();
gpuDescribe(await first.probe(), 'kernel configuration per point', () => {
  it('a calibrated point records the autotuned configuration; a second host on the same adapter reuses it from the cache', async () => {
    await first.calibrate('float32');
    const one = await sweepPoints(first);
    expect(one.tuned.kernelConfig).toEqual({ kernel: 'wgsl-matmul-tile', params: { microM: expect.any(Number), depth: expect.any(Number) }, source: 'autotuned' });
    const fusedParams = { rows: expect.any(Number), keys: 32, rowsPerInvocation: expect.any(Number) };
    expect(one.fused.kernelConfig).toEqual({ kernel: 'wgsl-fused-softmax', params: fusedParams, source: 'autotuned' });

    const cacheText = readFileSync(join(dir, TUNING_CACHE_FILE), 'utf8');
    const entries = Object.values(JSON.parse(cacheText).matmul) as { microM: number; depth: number }[];
    expect(entries).toHaveLength(1);
    expect({ microM: entries[0]!.microM, depth: entries[0]!.depth }).toEqual(one.tuned.kernelConfig!.params);
    // The scans' choices (sequential or parallel), one per kind of scan, are remembered beside the tile.
    const scanEntry = { mode: expect.stringMatching(/^(sequential|parallel)$/), storedAt: expect.any(String) };
    expect(Object.values(JSON.parse(cacheText).scan)).toEqual(SCAN_KINDS.map(() => scanEntry));
    expect(Object.values(JSON.parse(cacheText).fused)).toEqual([{ ...one.fused.kernelConfig!.params, storedAt: expect.any(String) }]);

    const second = startHost();
    await second.calibrate('float32');
    const two = await sweepPoints(second);
    expect(two.tuned.kernelConfig).toEqual({ ...one.tuned.kernelConfig, source: 'cached' });
    expect(two.fused.kernelConfig).toEqual({ ...one.fused.kernelConfig, source: 'cached' });
    // A cache hit stores nothing: the file is byte for byte the first host's.
    expect(readFileSync(join(dir, TUNING_CACHE_FILE), 'utf8')).toBe(cacheText);
  }, 600_000);
});
