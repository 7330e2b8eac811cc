/**
 * Harness overhead of the wgsl timing path: an empty dispatch against a matmul sized to take about
 * 1 ms, both timed exactly as a point's run (one submission, wait to completion, timestamps read).
 * The empty kernel's time is what every sample carries on top of its own work.
 */
import { TimedDispatch } from './calibrate.js';
import type { PipelineCache } from './pipelines.js';

export interface HarnessOverhead {
  readonly clock: 'gpu' | 'wall';
  readonly emptyWallMs: number;
  readonly emptyMs: number;
  readonly kernelN: number;
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
  await kernel.time();
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

  // The smallest multiple-of-64 matmul whose median wall time reaches 1 ms.
  const matmul = await pipelines.get('calibrate/matmul.wgsl', 'main');
  let N = 64;
  for (;;) {
    const kernel = new TimedDispatch(device, matmul, [0, 1, 2].map(() => storage(device, N * N * 4)), N, [N / 64, N / 64]);
    const k = await medians(kernel, Math.max(5, Math.floor(runs / 3)));
    kernel.destroy();
    if (k.wallMs >= 1 || N >= 2048) {
      return {
        clock: kernel.clock,
        emptyWallMs: e.wallMs,
        emptyMs: e.ms,
        kernelN: N,
        kernelWallMs: k.wallMs,
        kernelMs: k.ms,
        overheadFraction: e.wallMs / k.wallMs,
      };
    }
    N += 64;
  }
}
