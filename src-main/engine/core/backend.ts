/**
 * One interface for every place a kernel can run (STYLE.md: backends are capability-probed).
 * The engine's own `js` and `reference` backends implement it; the GPU backends (`wgsl`, `gpujs-*`)
 * live in src-main/gpu and implement it over a GPUDevice or a gpu.js instance.
 */
import type { Form, Inputs, Mixer, Params } from './mixer.js';
import type { DType, Tensor } from './tensor.js';

export const BACKEND_IDS = [
  'wgsl',
  'gpujs-webgpu',
  'gpujs-webgl2',
  'gpujs-headlessgl',
  'gpujs-webasm',
  'gpujs-cpu',
  'js',
  'reference',
] as const;
export type BackendId = (typeof BACKEND_IDS)[number];

export interface AdapterInfo {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** True for software rasterizers (SwiftShader, llvmpipe): correct, never a speed claim. */
  readonly software: boolean;
}

export interface BackendProbe {
  readonly id: BackendId;
  readonly available: boolean;
  /** Why not, when unavailable: shown in `mixscope probe`, the UI and the tests' skip messages. */
  readonly reason?: string;
  /** Where it runs: 'node-worker (Dawn, opengles)', 'page (Chromium)', 'node'. */
  readonly host: string;
  readonly adapter?: AdapterInfo;
  readonly limits?: Readonly<Record<string, number>>;
  readonly features?: readonly string[];
  readonly dtypes: readonly DType[];
}

/**
 * Whether a backend runs a form, and how faithfully. `approximate` marks a kernel that computes
 * the same output by a different algorithm than the form names (a sequential scan recast for a
 * one-output-per-thread model), with its real cost in `note`: charts label it, never pass it off.
 */
export interface KernelSupport {
  readonly supported: boolean;
  readonly fidelity: 'exact' | 'approximate';
  readonly note?: string;
}

export interface KernelTiming {
  /** Wall time from submit to completion, ms. */
  readonly wallMs: number;
  /** Device time from timestamp queries, when the backend has them. */
  readonly gpuMs?: number;
}

/**
 * The configuration a kernel was compiled with when its backend has a choice (the WGSL register
 * tile's micro-tile and depth), and where the choice came from: timed on this device at
 * calibration, read from the per-adapter cache, or the fixed default.
 */
export interface KernelConfig {
  readonly kernel: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly source: 'autotuned' | 'cached' | 'default';
}

export interface PreparedKernel {
  /** Shader/kernel compilation and first call, ms (kept apart from steady-state samples). */
  readonly compileMs: number;
  readonly uploadMs: number;
  /** Bytes the backend actually allocated for this point (storage buffers / textures). */
  readonly allocatedBytes: number;
  /** Bookkeeping bytes kept apart from `allocatedBytes`: uniforms, timestamp and readback buffers. */
  readonly auxiliaryBytes?: number;
  /** The configuration it was compiled with, when the backend chooses one (wgsl's matmul-shaped passes). */
  readonly kernelConfig?: KernelConfig;
  run(): Promise<KernelTiming>;
  /**
   * `count` runs back to back, each timed on its own, where one call costs a round trip to
   * another process (a compute host): the samples of a fast kernel are not swamped by messaging.
   */
  runMany?(count: number): Promise<KernelTiming[]>;
  /** Reads Y back; `readbackMs` is reported apart from kernel time. */
  read(): Promise<{ output: Tensor; readbackMs: number }>;
  release(): void;
}

export interface PrepareRequest {
  readonly mixer: Mixer;
  readonly form: Form;
  readonly inputs: Inputs;
  readonly params: Params;
  readonly dtype: DType;
  /**
   * The bytes this kernel may allocate (the sweep's memory budget over its B·H kernels). The sweep
   * checks the cost model's peak before it prepares; a backend that may choose a variant needing
   * more (wgsl's parallel scans hold every chunk's state) keeps within this too, or refuses.
   */
  readonly memoryBudgetBytes?: number;
}

/** What a backend reaches at best on its device: the roofline of its points. */
export interface Roofline {
  /** Best dense matmul rate, GFLOP/s. */
  readonly peakMatmulGflops: number;
  /** Best large-array copy rate, GB/s (bytes read + written). */
  readonly copyGBs: number;
}

export interface Backend {
  readonly id: BackendId;
  probe(): Promise<BackendProbe>;
  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport;
  /** Throws OverLimitError when the point does not fit the device, DeviceLostError on loss. */
  prepare(request: PrepareRequest): Promise<PreparedKernel>;
  /** Measures the roofline on the backend's own device (GPU backends; CPU ones are calibrated by the caller). */
  calibrate?(dtype: DType): Promise<Roofline>;
  /** Drops the device and makes a new one (after a device loss). */
  reset?(): Promise<void>;
  dispose(): Promise<void>;
}
