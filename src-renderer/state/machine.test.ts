import { describe, expect, it } from 'vitest';
import type { BackendProbeRecord } from '@engine/record/schema.js';
import { backendRow, recommendBackend } from './machine.js';

const js: BackendProbeRecord = { id: 'js', available: true, host: 'node', dtypes: ['float32', 'float64'] };
const llvmpipe: BackendProbeRecord = {
  id: 'wgsl',
  available: true,
  host: 'node-worker (Dawn, vulkan)',
  adapter: { vendor: 'mesa', architecture: '', device: 'llvmpipe (LLVM 15.0.6, 256 bits)', description: '', software: true },
  limits: { maxStorageBufferBindingSize: 134217728, maxComputeWorkgroupStorageSize: 16384, maxComputeInvocationsPerWorkgroup: 256, maxBindGroups: 4 },
  features: ['timestamp-query'],
  dtypes: ['float32'],
};
const gpu: BackendProbeRecord = {
  ...llvmpipe,
  id: 'gpujs-webgpu',
  adapter: { vendor: 'nvidia', architecture: 'ada', device: 'RTX 4090', description: '', software: false },
  features: ['shader-f16', 'timestamp-query'],
};
const missing: BackendProbeRecord = { id: 'gpujs-headlessgl', available: false, reason: 'headless-gl has no display', host: 'node', dtypes: [] };

describe('the probed machine', () => {
  it('describes each backend: device, hardware or software, its main limits, f16 and timestamps', () => {
    expect(backendRow(llvmpipe)).toEqual({
      id: 'wgsl',
      available: true,
      device: 'mesa llvmpipe (LLVM 15.0.6, 256 bits)',
      kind: 'software rasterizer',
      host: 'node-worker (Dawn, vulkan)',
      limits: 'maxStorageBufferBindingSize 128 MiB · maxComputeWorkgroupStorageSize 16 KiB · maxComputeInvocationsPerWorkgroup 256',
      f16: false,
      timestamps: true,
    });
    expect(backendRow(gpu)).toMatchObject({ kind: 'hardware GPU', f16: true, device: 'nvidia RTX 4090' });
    expect(backendRow(js)).toMatchObject({ kind: 'CPU', device: 'CPU', limits: '' });
    expect(backendRow(missing)).toMatchObject({ kind: 'unavailable', device: 'headless-gl has no display' });
  });

  it('recommends the first hardware GPU, else the CPU kernels, and says why', () => {
    expect(recommendBackend([js, llvmpipe, gpu]).id).toBe('gpujs-webgpu');
    expect(recommendBackend([js, llvmpipe, gpu]).why).toContain('RTX 4090');
    expect(recommendBackend([js, llvmpipe])).toEqual({ id: 'js', why: expect.stringContaining('software rasterizers') as string });
    expect(recommendBackend([js]).why).toBe('no GPU adapter found, so the CPU kernels are timed');
  });
});
