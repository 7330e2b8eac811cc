/**
 * Calibration of the `wgsl` backend on one device: the best rate of a tiled float32 matmul
 * (GFLOP/s, 2N³ FLOPs) and of a buffer copy (GB/s, bytes read + written), the roofline every
 * point's achieved rate is divided by. Sizes grow until one run is long enough to time well; the
 * best of repeated runs counts (GPU time from timestamps where the device has them, else wall).
 */
import type { Roofline } from '../../engine/core/backend.js';
import { PipelineCache } from './pipelines.js';
import { createPassTimer } from './timer.js';

export interface WgslCalibration extends Roofline {
  readonly matmulN: number;
  readonly copyBytes: number;
  readonly clock: 'gpu' | 'wall';
}

export interface CalibrationOptions {
  /** Total measured time per kernel once its size is fixed, ms. */
  readonly minTimeMs?: number;
  /** One run must last this long before the size stops growing, ms. */
  readonly minRunMs?: number;
  /** The register-blocked tile's overrides (matmul-config.ts; default: the shader's defaults). */
  readonly matmulConstants?: Readonly<Record<string, number>>;
}

/** A single-pass kernel over its own buffers, timed per submission. */
export class TimedDispatch {
  private readonly timer;
  private readonly group: GPUBindGroup;
  private readonly uniform: GPUBuffer;

  constructor(
    private readonly device: GPUDevice,
    private readonly pipeline: GPUComputePipeline,
    private readonly buffers: readonly GPUBuffer[],
    n: number,
    private readonly workgroups: readonly [number, number],
  ) {
    this.uniform = device.createBuffer({ size: 16, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
    device.queue.writeBuffer(this.uniform, 0, new Uint32Array([n, 0, 0, 0]));
    const entries = [this.uniform, ...buffers].map((buffer, binding) => ({ binding, resource: { buffer } }));
    this.group = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
    this.timer = createPassTimer(device);
  }

  get clock(): 'gpu' | 'wall' {
    return this.timer ? 'gpu' : 'wall';
  }

  /** One submission; ms from timestamps where available, else wall time to completion. */
  async time(): Promise<{ ms: number; wallMs: number }> {
    const start = performance.now();
    const encoder = this.device.createCommandEncoder();
    const pass = encoder.beginComputePass(this.timer ? { timestampWrites: this.timer.timestampWrites } : {});
    pass.setPipeline(this.pipeline);
    pass.setBindGroup(0, this.group);
    pass.dispatchWorkgroups(this.workgroups[0], this.workgroups[1]);
    pass.end();
    this.timer?.resolve(encoder);
    this.device.queue.submit([encoder.finish()]);
    await this.device.queue.onSubmittedWorkDone();
    const wallMs = performance.now() - start;
    const gpuMs = await this.timer?.read();
    return { ms: gpuMs ?? wallMs, wallMs };
  }

  /** Best of runs until `minTimeMs` of wall time has passed (at least 3, at most 100). */
  async best(minTimeMs: number): Promise<number> {
    let best = Infinity;
    let spent = 0;
    for (let i = 0; i < 100 && (i < 3 || spent < minTimeMs); i++) {
      const { ms, wallMs } = await this.time();
      best = Math.min(best, ms);
      spent += wallMs;
    }
    return best;
  }

  destroy(): void {
    for (const b of this.buffers) b.destroy();
    this.uniform.destroy();
    this.timer?.destroy();
  }
}

function storage(device: GPUDevice, bytes: number): GPUBuffer {
  return device.createBuffer({ size: bytes, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
}

/** Grows the problem (×2) from `start` until one run lasts `minRunMs` or `fits` says no. */
async function grow(make: (n: number) => TimedDispatch, start: number, fits: (n: number) => boolean, minRunMs: number) {
  let n = start;
  for (;;) {
    const kernel = make(n);
    await kernel.time();
    const { ms } = await kernel.time();
    if (ms >= minRunMs || !fits(n * 2)) return { n, kernel };
    kernel.destroy();
    n *= 2;
  }
}

export async function calibrateWgsl(device: GPUDevice, pipelines: PipelineCache, options: CalibrationOptions = {}): Promise<WgslCalibration> {
  const minTimeMs = options.minTimeMs ?? 200;
  const minRunMs = options.minRunMs ?? 10;
  const maxBytes = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize, 256 * 2 ** 20);

  const matmul = await pipelines.get('calibrate/matmul.wgsl', 'main', options.matmulConstants);
  const mm = await grow(
    (N) => new TimedDispatch(device, matmul, [storage(device, N * N * 4), storage(device, N * N * 4), storage(device, N * N * 4)], N, [N / 64, N / 64]),
    128,
    (N) => N <= 4096 && N * N * 4 <= maxBytes,
    minRunMs,
  );
  const matmulMs = await mm.kernel.best(minTimeMs);
  const clock = mm.kernel.clock;
  mm.kernel.destroy();

  const copy = await pipelines.get('calibrate/copy.wgsl', 'main');
  const maxGroups = device.limits.maxComputeWorkgroupsPerDimension;
  const cp = await grow(
    (floats) => {
      const groups = Math.ceil(floats / 4 / 256);
      const x = Math.min(groups, maxGroups);
      return new TimedDispatch(device, copy, [storage(device, floats * 4), storage(device, floats * 4)], floats / 4, [x, Math.ceil(groups / x)]);
    },
    1 << 18,
    (floats) => floats * 4 <= maxBytes,
    minRunMs,
  );
  const copyMs = await cp.kernel.best(minTimeMs);
  cp.kernel.destroy();

  const copyBytes = cp.n * 4;
  return {
    peakMatmulGflops: (2 * mm.n ** 3) / (matmulMs * 1e6),
    copyGBs: (2 * copyBytes) / (copyMs * 1e6),
    matmulN: mm.n,
    copyBytes,
    clock,
  };
}
