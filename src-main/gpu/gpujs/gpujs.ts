/**
 * The narrow slice of gpu.js the kernels use, typed once here. gpu.js's own typings are loose
 * (every result is a union); this file states what each call really returns under the settings
 * every kernel uses: single precision, pipelined results, async contract.
 */
import { GPU, Input } from 'gpu.js';

export type GpujsMode = 'webgpu' | 'webgl2' | 'headlessgl' | 'webasm' | 'cpu';

/** A kernel's result: a texture (GL), a buffer handle (webgpu) or plain rows (cpu, webasm). */
export type StageResult = GpuResident | Float32Array | Float32Array[] | Float32Array[][];

export interface GpuResident {
  toArray(): unknown;
  delete(): void;
}

export type StageArgument = StageResult | Input | number;

/** One compiled gpu.js kernel, as the runner sees it. */
export interface Stage {
  (...args: StageArgument[]): Promise<StageResult>;
  readonly kernel: GpujsKernelInternals;
  destroy(): void;
}

/** Fields of gpu.js's backend kernel objects read to account memory and detect a cpu fallback. */
export interface GpujsKernelInternals {
  readonly constructor: { readonly mode?: string };
  readonly fallbackReason?: string | null;
  readonly output?: ArrayLike<number>;
  readonly texSize?: ArrayLike<number>;
  readonly texture?: { readonly internalFormat?: number } | null;
  readonly context?: { finish?(): void } | null;
  readonly kernelArguments?: readonly { readonly textureSize?: ArrayLike<number>; readonly bitRatio?: number }[];
  readonly argumentBuffers?: readonly ({ readonly buffer?: { readonly size: number } } | null | undefined)[] | null;
  readonly outputBuffer?: { readonly size: number } | null;
  readonly _device?: GPUDevice;
}

export interface GpujsInstance {
  readonly mode: string;
  createKernel(fn: unknown, settings: Record<string, unknown>): Stage;
  destroy(): Promise<void>;
}

/**
 * Which backend a kernel really runs on. gpu.js's static `mode` says 'gpu' for every GL kernel,
 * and class names do not survive a minified page bundle, so GL kernels are told apart by context.
 */
export function kernelBackend(kernel: GpujsKernelInternals): GpujsMode | 'webgl' | 'unknown' {
  const mode = kernel.constructor.mode;
  if (mode === 'webgpu' || mode === 'webasm' || mode === 'cpu') return mode;
  if (mode !== 'gpu') return 'unknown';
  const context = kernel.context;
  if (typeof WebGL2RenderingContext !== 'undefined' && context instanceof WebGL2RenderingContext) return 'webgl2';
  if (typeof WebGLRenderingContext !== 'undefined' && context instanceof WebGLRenderingContext) return 'webgl';
  return 'headlessgl';
}

export function createGpujs(mode: GpujsMode): GpujsInstance {
  return new GPU({ mode }) as unknown as GpujsInstance;
}

/** A row-major [rows, cols] tensor as a gpu.js 2D argument, read in kernels as `x[row][col]`. */
export function matrix(data: Float32Array, rows: number, cols: number): Input {
  return new Input(data as unknown as number[], [cols, rows]);
}

/** A row-major [a, b, c] tensor as a 3D argument, read as `x[i][j][k]`. */
export function cube(data: Float32Array, a: number, b: number, c: number): Input {
  return new Input(data as unknown as number[], [c, b, a]);
}

/** A vector [n] as a 1D argument (no copy when already float32). */
export function vector(data: Float32Array): Input {
  return new Input(data as unknown as number[], [data.length]);
}

/**
 * Settings every stage shares: float32 storage, results kept on the device between stages
 * (`pipeline`, `immutable` so a result outlives the next call), Promise contract on every backend.
 */
export function stage(
  gpu: GpujsInstance,
  fn: unknown,
  output: readonly number[],
  constants: object,
): Stage {
  return gpu.createKernel(fn, {
    output: [...output],
    constants: { ...constants },
    pipeline: true,
    immutable: true,
    asyncMode: true,
    precision: 'single',
    tactic: 'precision',
    // Loops are bounded by the size constants; this only lifts gpu.js's default cap of 1000.
    loopMaxIterations: 1 << 20,
  });
}

/** What `this` is inside a kernel: the thread's output coordinates and the size constants. */
export interface KernelThis<C> {
  readonly thread: { readonly x: number; readonly y: number; readonly z: number };
  readonly constants: C;
}

/** Kernel argument views; gpu.js indexes them as nested arrays (row-major [rows][cols]). */
export type Vec = readonly number[];
export type Rows = readonly (readonly number[])[];
export type Cube = readonly Rows[];
