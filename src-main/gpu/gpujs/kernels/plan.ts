/**
 * How a form becomes gpu.js kernels: a plan is the ordered stages of one form for fixed dims,
 * and `run` chains them (intermediate results stay on the device) into the output Y.
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import type { GpujsInstance, Stage, StageResult } from '../gpujs.js';

/** The mixer's input tensors in float32, row-major, by name. */
export type Float32Inputs = Readonly<Record<string, Float32Array>>;

export interface GpujsPlan {
  readonly stages: readonly Stage[];
  /** Output shape, row-major, as the mixer declares it. */
  readonly outputShape: readonly number[];
  /**
   * Runs every stage once. `keep` receives each intermediate so the runner can account its
   * bytes and free it after the run; the returned result is the output.
   */
  run(inputs: Float32Inputs, keep: (r: StageResult) => StageResult): Promise<StageResult>;
}

export interface GpujsForm {
  /** 'approximate': same output by another algorithm than the form names; `note` states it and its cost. */
  readonly fidelity: 'exact' | 'approximate';
  readonly note?: string;
  build(gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan;
}

/** Kernels of every form of one mixer, by form id. */
export type GpujsMixerKernels = Readonly<Record<string, GpujsForm>>;

export function dim(dims: Dims, name: string): number {
  const value = dims[name];
  if (value === undefined) throw new Error(`gpu.js plan needs dim '${name}'`);
  return value;
}
