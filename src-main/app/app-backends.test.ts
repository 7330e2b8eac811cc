/**
 * The app's backend table and its main services, in Node with the electron mock (utility
 * processes are Node children there): the CPU kernels run in utility hosts, the GPU backends are
 * the compute window's, headless-gl is not offered, and a CPU host killed from outside mid-kernel
 * gives a 'host-crashed' point while the sweep finishes the rest.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Backend } from '../engine/core/backend.js';
import { createJsBackend } from '../engine/backends/js.js';
import { BackendPool } from '../services/backend-pool.js';
import { createServices } from '../services/create-services.js';
import { killMidKernel } from '../services/crash-test-kit.js';
import { appAbsentReason, appBackendFactories } from './app-backends.js';
import { startUtilityHost } from './compute-host.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

const ENTRY = fileURLToPath(new URL('./compute-host-entry.ts', import.meta.url));

describe('app backends', () => {
  it('sends the GPU backends to the compute window and offers no headless-gl', async () => {
    const asked: string[] = [];
    const window = (id: string): Backend => {
      asked.push(id);
      return { ...createJsBackend({ host: 'compute window' }), id: id as Backend['id'] };
    };
    const factories = appBackendFactories({ utilityHost: () => startUtilityHost(ENTRY, 'js'), windowBackend: window });
    for (const id of ['wgsl', 'gpujs-webgpu', 'gpujs-webgl2'] as const) await factories[id]!();
    expect(asked).toEqual(['wgsl', 'gpujs-webgpu', 'gpujs-webgl2']);
    expect(factories['gpujs-headlessgl']).toBeUndefined();
    const pool = new BackendPool(factories, 'electron main', appAbsentReason);
    expect(await (await pool.get('gpujs-headlessgl')).probe()).toMatchObject({ available: false, reason: expect.stringContaining('native module') });
  });

  describe('main services with utility hosts', () => {
    const hostPids: number[] = [];
    const pool = new BackendPool(
      appBackendFactories({
        utilityHost: (id) => {
          const host = startUtilityHost(ENTRY, id);
          if (host.pid) hostPids.push(host.pid);
          return host;
        },
        windowBackend: () => Promise.reject(new Error('no compute window in Node tests')),
      }),
      'electron main',
      appAbsentReason,
    );
    let dir = '';
    afterAll(async () => {
      await pool.dispose();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('runs js in a utility host, which answers support itself, and survives a host killed mid-kernel', async () => {
      dir = await mkdtemp(join(tmpdir(), 'mixscope-app-'));
      const services = createServices({ runsDir: dir, app: { name: 'mixscope', version: 'test', host: 'electron main' }, backends: pool });
      const record = await killMidKernel(services, () => hostPids.at(-1));
      expect(record.points.every((p) => p.host === 'electron-utility (js, process CPU clock)')).toBe(true);
      expect(hostPids.length).toBeGreaterThanOrEqual(2);
    }, 120_000);
  });
});
