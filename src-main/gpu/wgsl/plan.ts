/**
 * A kernel plan: how one form of one mixer runs as WGSL compute passes. Plans are data, so the
 * generic runner (WgslBackend) needs no per-mixer code and any host that can load the shader files
 * can run them. Binding convention of every pass's shader:
 *   @group(0) @binding(0)     var<uniform> params: <struct of the form's `uniforms`, in order>
 *   @group(0) @binding(1 + i) var<storage, ...> <storage[i]>   (cost-model buffer names)
 *   @group(1) @binding(0)     var<uniform> step: Step          (only for passes inside a loop;
 *                                                               struct Step { index: u32 })
 * Pipeline-overridable constants (`override NAME: u32;`) specialise one shader file for several
 * forms or mixers (a feature map on or off, an activation).
 */
import type { BufferSpec, Dims, Params } from '../../engine/core/mixer.js';

export type Workgroups = readonly [number, number?, number?];

export interface UniformField {
  readonly name: string;
  readonly type: 'u32' | 'f32';
  value(dims: Dims, params: Params): number;
}

export interface PassPlan {
  /** Path under shaders/, e.g. 'softmax-attention/fused.wgsl'. */
  readonly shader: string;
  readonly entry: string;
  /**
   * Storage buffers the entry point uses, by the cost model's buffer names, bound at 1, 2, ...
   * A function when the buffers depend on parameters (a gate tensor only some masks have).
   */
  readonly storage: readonly string[] | ((params: Params) => readonly string[]);
  workgroups(dims: Dims, params: Params): Workgroups;
  /** Values of the shader's `override` constants. */
  readonly constants?: Readonly<Record<string, number>>;
  /**
   * 'matmul': the shader computes through the register-blocked tile (common/tiled-matmul.wgsl), so
   * the backend adds its matmul configuration's MICRO_M and DEPTH (matmul-config.ts) to `constants`.
   */
  readonly tuning?: 'matmul';
}

/** Passes dispatched `count` times in order, with step.index = 0, 1, ... (chunk carries, scan levels). */
export interface LoopPlan {
  readonly loop: readonly PassPlan[];
  count(dims: Dims, params: Params): number;
}

export type PlanStep = PassPlan | LoopPlan;

export function isLoop(step: PlanStep): step is LoopPlan {
  return 'loop' in step;
}

/** Every pass of a plan once, loops unrolled to their body (for compiling). */
export function passesOf(plan: FormPlan): PassPlan[] {
  return plan.passes.flatMap((step) => (isLoop(step) ? [...step.loop] : [step]));
}

/** Every pass of a plan and of its parallel variant, loops unrolled (for checks over every shader a form may run). */
export function everyPassOf(plan: FormPlan): PassPlan[] {
  return [...passesOf(plan), ...(plan.parallelPasses ? passesOf({ ...plan, passes: plan.parallelPasses }) : [])];
}

export function storageOf(pass: PassPlan, params: Params): readonly string[] {
  return typeof pass.storage === 'function' ? pass.storage(params) : pass.storage;
}

export interface FormPlan {
  /** The fields of the `params` uniform struct, each 4 bytes, in declaration order. */
  readonly uniforms: readonly UniformField[];
  readonly passes: readonly PlanStep[];
  /** The buffer the output Y is read from (default 'Y'). */
  readonly output?: string;
  /** Set when the kernel computes the form's output by another algorithm than the form names. */
  readonly approximate?: string;
  /** Sizes the kernel cannot take (a register array bound); a one-line reason, or undefined when fine. */
  unsupported?(dims: Dims, params: Params): string | undefined;
  /**
   * The same form with its scans across L run as parallel scans instead of token loops, over the
   * same buffers; the backend runs these instead of `passes` when its scan configuration says so
   * (scan-config.ts).
   */
  readonly parallelPasses?: readonly PlanStep[];
  /**
   * The buffers the parallel passes run on, made from the cost model's, where they differ: the cost
   * model describes the sequential form (one carried state, one chunk's block), while a parallel
   * scan across chunks needs every chunk's state at once. The backend allocates, budgets and
   * records (allocatedBytes) exactly these when it runs `parallelPasses`.
   */
  parallelBuffers?(buffers: readonly BufferSpec[], dims: Dims, params: Params): readonly BufferSpec[];
  /** Sizes the parallel passes cannot take (the backend runs `passes` there); a reason, or undefined. */
  parallelUnsupported?(dims: Dims, params: Params): string | undefined;
  /** Which kind of scan the parallel passes are, each chosen on its own per device (default 'state'). */
  readonly scanKind?: ScanKind;
}

/**
 * The kinds of scan across L, timed apart because they win or lose apart: 'state', the affine scans
 * of a state through the tokens or chunks (SSM, SSD, Hydra); 'chunks', the chunked linear
 * attentions' and retention's carry across chunks, every chunk's state at once; 'matrix', the SSM's
 * semiseparable matrix, tile by tile.
 */
export type ScanKind = 'state' | 'chunks' | 'matrix';

/** Form id → plan, for one mixer. */
export type MixerPlan = Readonly<Record<string, FormPlan>>;

export const ceilDiv = (n: number, k: number): number => Math.ceil(n / k);

/** Workgroup counts for n items of `per` each, folded into y past the per-dimension limit. */
export function grid1d(n: number, per: number, maxPerDimension = 65535): Workgroups {
  const groups = ceilDiv(n, per);
  if (groups <= maxPerDimension) return [groups];
  return [maxPerDimension, ceilDiv(groups, maxPerDimension)];
}
