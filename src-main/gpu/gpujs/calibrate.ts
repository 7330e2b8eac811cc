/**
 * Calibration of a gpu.js backend: the best rate of a square float32 matmul (GFLOP/s, 2n³ FLOPs)
 * and of an array copy (GB/s, 4 bytes read + 4 written per value), the roofline its points are
 * divided by. Inputs are made device-resident once by a pass-through stage, so a timed run is the
 * kernel alone, timed as runner.ts times a plan: wall time from the call until the device has
 * finished (`settle`), the result left where gpu.js put it, never read back. Sizes double until one
 * run lasts `minRunMs` or reach their cap; the best of `runs` timed runs after a warm-up counts.
 */
import type { Roofline } from '../../engine/core/backend.js';
import { createRng, uniformArray } from '../../engine/core/random.js';
import { matrix, stage, vector, type GpujsInstance, type KernelThis, type Rows, type Stage, type StageResult, type Vec } from './gpujs.js';
import { readFlat, releaseResult } from './readback.js';
import { settle } from './runner.js';

export interface GpujsCalibration extends Roofline {
  readonly matmulN: number;
  readonly copyElements: number;
}

export interface GpujsCalibrationOptions {
  /** One run must last this long before the size stops growing, ms. */
  readonly minRunMs?: number;
  readonly maxMatmulN?: number;
  readonly maxCopyElements?: number;
  /** Timed runs after the warm-up; the fastest counts. */
  readonly runs?: number;
}

/** C[i][j] = Σ_k A[i][k]·B[k][j]. Output [n, n]. */
function matmul(this: KernelThis<{ readonly n: number }>, A: Rows, B: Rows): number {
  let acc = 0;
  for (let k = 0; k < this.constants.n; k++) acc += A[this.thread.y]![k]! * B[k]![this.thread.x]!;
  return acc;
}

function copyVector(this: KernelThis<object>, x: Vec): number {
  return x[this.thread.x]!;
}

function copyMatrix(this: KernelThis<object>, x: Rows): number {
  return x[this.thread.y]![this.thread.x]!;
}

/** One stage over device-resident arguments; owns the stages that made them. */
export class TimedStage {
  private result?: StageResult;

  constructor(
    private readonly kernel: Stage,
    private readonly args: readonly StageResult[],
    private readonly uploads: readonly Stage[],
  ) {}

  /** One run, ms: the previous result is freed first, as the runner does between runs. */
  async time(): Promise<number> {
    if (this.result) releaseResult(this.result);
    const start = performance.now();
    this.result = await this.kernel(...this.args);
    await settle([this.kernel]);
    return performance.now() - start;
  }

  async best(runs: number): Promise<number> {
    let best = Infinity;
    for (let i = 0; i < runs; i++) best = Math.min(best, await this.time());
    return best;
  }

  /** The last run's output, flat row-major (for checks, never inside a timed run). */
  read(elements: number): Promise<Float32Array> {
    if (!this.result) throw new Error('gpu.js calibration kernel has not run');
    return readFlat(this.result, elements);
  }

  destroy(): void {
    if (this.result) releaseResult(this.result);
    for (const r of this.args) releaseResult(r);
    for (const s of [this.kernel, ...this.uploads]) s.destroy();
  }
}

/** C = A·B for row-major n×n A and B, with A and B uploaded once. */
export async function matmulStage(gpu: GpujsInstance, a: Float32Array, b: Float32Array, n: number): Promise<TimedStage> {
  const upload = stage(gpu, copyMatrix, [n, n], {});
  const args = [await upload(matrix(a, n, n)), await upload(matrix(b, n, n))];
  return new TimedStage(stage(gpu, matmul, [n, n], { n }), args, [upload]);
}

/** y = x for a vector x uploaded once. */
export async function copyStage(gpu: GpujsInstance, x: Float32Array): Promise<TimedStage> {
  const upload = stage(gpu, copyVector, [x.length], {});
  const args = [await upload(vector(x))];
  return new TimedStage(stage(gpu, copyVector, [x.length], {}), args, [upload]);
}

/** Doubles `size` from `start` until one run (after a compiling warm-up) lasts `minRunMs` or `cap` is reached. */
async function grow(make: (size: number) => Promise<TimedStage>, start: number, cap: number, minRunMs: number) {
  for (let size = start; ; size *= 2) {
    const timed = await make(size);
    await timed.time();
    if ((await timed.time()) >= minRunMs || size * 2 > cap) return { size, timed };
    timed.destroy();
  }
}

function randomFloat32(seed: number, length: number): Float32Array {
  return Float32Array.from(uniformArray(createRng(seed), length, -1, 1));
}

export async function calibrateGpujs(gpu: GpujsInstance, options: GpujsCalibrationOptions = {}): Promise<GpujsCalibration> {
  const minRunMs = options.minRunMs ?? 20;
  const runs = options.runs ?? 3;

  const mm = await grow((n) => matmulStage(gpu, randomFloat32(1, n * n), randomFloat32(2, n * n), n), 64, options.maxMatmulN ?? 1024, minRunMs);
  const matmulMs = await mm.timed.best(runs);
  mm.timed.destroy();

  const cp = await grow((m) => copyStage(gpu, randomFloat32(3, m)), 1 << 16, options.maxCopyElements ?? 1 << 22, minRunMs);
  const copyMs = await cp.timed.best(runs);
  cp.timed.destroy();

  return {
    // A clock tick floors the time, so a coarse timer cannot give an infinite rate.
    peakMatmulGflops: (2 * mm.size ** 3) / (Math.max(matmulMs, 1e-3) * 1e6),
    copyGBs: (2 * 4 * cp.size) / (Math.max(copyMs, 1e-3) * 1e6),
    matmulN: mm.size,
    copyElements: cp.size,
  };
}
