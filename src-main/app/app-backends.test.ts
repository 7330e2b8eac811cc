/** The app's `wgsl`: Dawn in the utility process when it has an adapter, else the compute window's WebGPU. */
import { describe, expect, it, vi } from 'vitest';
import type { Backend, BackendProbe } from '../engine/core/backend.js';
import { createJsBackend } from '../engine/backends/js.js';
import { appBackendFactories } from './app-backends.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

function wgslOn(host: string, available: boolean, disposed: string[]): Backend {
  const probe: BackendProbe = { id: 'wgsl', available, host, dtypes: ['float32'], ...(available ? {} : { reason: 'no adapter' }) };
  return { ...createJsBackend({ host }), id: 'wgsl', probe: async () => probe, dispose: async () => void disposed.push(host) };
}

describe('app backends', () => {
  it('takes the utility process when Dawn has an adapter, the compute window when not', async () => {
    const disposed: string[] = [];
    const window = (id: string) => Promise.resolve(wgslOn(`compute window: ${id}`, true, disposed));
    const withDawn = appBackendFactories({ host: 'electron main', utilityWgsl: () => wgslOn('utility', true, disposed), windowBackend: window });
    expect((await (await withDawn.wgsl!()).probe()).host).toBe('utility');
    const without = appBackendFactories({ host: 'electron main', utilityWgsl: () => wgslOn('utility', false, disposed), windowBackend: window });
    expect((await (await without.wgsl!()).probe()).host).toBe('compute window: wgsl');
    expect(disposed).toEqual(['utility']);
    expect((await (await without['gpujs-webgl2']!()).probe()).host).toBe('compute window: gpujs-webgl2');
  });

  it('names both hosts when neither has an adapter', async () => {
    const factories = appBackendFactories({
      host: 'electron main',
      utilityWgsl: () => wgslOn('utility', false, []),
      windowBackend: () => Promise.reject(new Error('the compute window did not load')),
    });
    await expect(Promise.resolve(factories.wgsl!())).rejects.toThrow(/utility: no adapter; compute window \(Electron\): the compute window did not load/);
  });
});
