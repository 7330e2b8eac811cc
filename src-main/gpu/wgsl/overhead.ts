/**
 * Harness overhead of the wgsl timing path: an empty dispatch against a buffer copy sized to take
 * about 1 ms, both timed exactly as a point's run (one submission, wait to completion, timestamps
 * read). The empty kernel's time is what every sample carries on top of its own work. A copy, not a
 * matmul, so that the size can be tuned finely even on adapters where the smallest tile is slow.
 */
import { TimedDispatch } from './calibrate.js';
import type { PipelineCache } from './pipelines.js';

export interface HarnessOverhead {
  readonly clock: 'gpu' | 'wall';
  readonly emptyWallMs: number;
  readonly emptyMs: number;
  readonly kernelBytes: number;
  readonly kernelWallMs: number;
  readonly kernelMs: number;
  /** Empty-kernel wall time over the ~1 ms kernel's wall time. */
  readonly overheadFraction: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function medians(kernel: TimedDispatch, runs: number): Promise<{ ms: number; wallMs: number }> {
  // Warm-up: software drivers spin up their thread pools on the first submissions.
  for (let i = 0; i < 5; i++) await kernel.time();
  const ms: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = await kernel.time();
    ms.push(t.ms);
    wall.push(t.wallMs);
  }
  return { ms: median(ms), wallMs: median(wall) };
}

const storage = (device: GPUDevice, bytes: number): GPUBuffer =>
  device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });

export async function measureHarnessOverhead(device: GPUDevice, pipelines: PipelineCache, runs = 30): Promise<HarnessOverhead> {
  const emptyPipeline = await pipelines.get('calibrate/empty.wgsl', 'main');
  const empty = new TimedDispatch(device, emptyPipeline, [storage(device, 16)], 0, [1, 1]);
  const e = await medians(empty, runs);
  empty.destroy();

  // The smallest copy (doubling from 16 KiB) whose median wall time reaches 1 ms.
  const copy = await pipelines.get('calibrate/copy.wgsl', 'main');
  const maxBytes = Math.min(device.limits.maxStorageBufferBindingSize, 256 * 2 ** 20);
  const maxGroups = device.limits.maxComputeWorkgroupsPerDimension;
  for (let bytes = 16 * 1024; ; bytes *= 2) {
    const vec4s = bytes / 16;
    const groups = Math.ceil(vec4s / 256);
    const x = Math.min(groups, maxGroups);
    const kernel = new TimedDispatch(device, copy, [storage(device, bytes), storage(device, bytes)], vec4s, [x, Math.ceil(groups / x)]);
    const k = await medians(kernel, Math.max(5, Math.floor(runs / 3)));
    kernel.destroy();
    if (k.wallMs >= 1 || bytes * 2 > maxBytes) {
      return {
        clock: kernel.clock,
        emptyWallMs: e.wallMs,
        emptyMs: e.ms,
        kernelBytes: bytes,
        kernelWallMs: k.wallMs,
        kernelMs: k.ms,
        overheadFraction: e.wallMs / k.wallMs,
      };
    }
  }
}
