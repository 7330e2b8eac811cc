/**
 * What a mixer is to the engine: data it iterates over (MIXERS.md, "Canonical inputs").
 * A mixer owns its tensors, parameters, float64 reference, computation forms and cost models;
 * adding one touches its own folder plus one line in the registry.
 */
import type { DType, Tensor } from './tensor.js';
import type { Rng } from './random.js';

/** Named sizes of one problem: L, d, dv, N, P, r, D, h... as the tensor table names them. */
export type Dims = Readonly<Record<string, number>>;
export type Params = Readonly<Record<string, number | string>>;
export type Inputs = Readonly<Record<string, Tensor>>;

/** The knobs a sweep turns; each mixer maps them to its own dims. */
export interface SweepShape {
  readonly L: number;
  readonly d: number;
  readonly dv: number;
  /** State size r of the `ssm` mixer (MIXERS.md §5, default 16). */
  readonly state: number;
}

export interface TensorSpec {
  readonly name: string;
  /** Symbolic dims, e.g. ['L', 'd']. */
  readonly dims: readonly string[];
  readonly description: string;
  /**
   * A tensor read only under one parameter value (masked-attention's gates `a`, for
   * mask = selective). Under any other value it may be left out; it is then filled with ones.
   */
  readonly neededWhen?: { readonly param: string; readonly equals: string };
}

export interface ParamSpec {
  readonly name: string;
  readonly description: string;
  readonly type: 'number' | 'integer' | 'enum';
  readonly default: number | string;
  readonly min?: number;
  readonly max?: number;
  /** Bounds are exclusive (0 < lambda < 1). */
  readonly exclusive?: boolean;
  readonly values?: readonly string[];
}

/** The live buffers of a form; GPU backends allocate exactly these storage buffers. */
export interface BufferSpec {
  readonly name: string;
  readonly elements: number;
}

export interface Cost {
  /** Multiply-adds count as 2 FLOPs. */
  readonly flops: number;
  /** Elements read from and written to memory at least once (the roofline's denominator). */
  readonly movedElements: number;
  /** Inputs, output and intermediates that are live at the peak. */
  readonly buffers: readonly BufferSpec[];
  /** Sum of `buffers`. */
  readonly peakElements: number;
  /** The state or score object that limits what flows from past to present (MIXERS.md, "Memory and bottleneck conventions"). */
  readonly bottleneck: { readonly name: string; readonly elements: number };
}

/** Expected growth of time in L: the exponent the sweep fit is checked against. */
export type Scaling = 'quadratic' | 'linear' | 'linearithmic';

export interface Form {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly scaling: Scaling;
  /** CPU kernel; computes in `dtype` storage, with no per-element allocation. */
  run(inputs: Inputs, params: Params, dtype: DType): Tensor;
  cost(dims: Dims, params: Params): Cost;
  /**
   * Where a form computes something other than the mixer's reference (ttt-linear mini-batch),
   * its own float64 reference.
   */
  readonly reference?: (inputs: Inputs, params: Params) => Tensor;
}

export interface Mixer {
  readonly id: string;
  readonly title: string;
  /** Section of MIXERS.md. */
  readonly section: number;
  readonly summary: string;
  readonly causal: boolean;
  readonly tensors: readonly TensorSpec[];
  readonly output: TensorSpec;
  readonly params: readonly ParamSpec[];
  readonly forms: readonly Form[];
  dims(shape: SweepShape, params: Params): Dims;
  /** Float64 inputs in the ranges the math wants (gates in (0,1), ...). */
  randomInputs(dims: Dims, rng: Rng, params: Params): Inputs;
  /** Independent float64 reference: the token-by-token recurrence or the plain definition. */
  reference(inputs: Inputs, params: Params): Tensor;
  /**
   * Effective attention row a ∈ R^{t+1} of query t over keys 0..t (or 0..L-1 when bidirectional),
   * for the focus analysis; absent for mixers with no attention-like row.
   */
  focusRow?(inputs: Inputs, params: Params, t: number): Float64Array;
}
