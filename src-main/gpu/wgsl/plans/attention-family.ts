/**
 * Building blocks shared by the plans of the attention family (linear, simplified linear,
 * retention, GAU): one uniform layout, and the common shaders under shaders/common/.
 *   struct Params { L, d, dv, chunk: u32, scale, bias, post, log2_decay: f32 }
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { ceilDiv, grid1d, type PassPlan, type UniformField } from '../plan.js';

export interface AttentionScalars {
  readonly chunk?: (params: Params) => number;
  readonly scale?: (dims: Dims, params: Params) => number;
  readonly bias?: (params: Params) => number;
  readonly post?: (dims: Dims) => number;
  /** λ of a decay mask λ^{t−s}; absent for no decay. */
  readonly lambda?: (params: Params) => number;
}

export function attentionUniforms(s: AttentionScalars): readonly UniformField[] {
  return [
    { name: 'L', type: 'u32', value: (dims) => dims['L']! },
    { name: 'd', type: 'u32', value: (dims) => dims['d']! },
    { name: 'dv', type: 'u32', value: (dims) => dims['dv']! },
    { name: 'chunk', type: 'u32', value: (_dims, params) => s.chunk?.(params) ?? 0 },
    { name: 'scale', type: 'f32', value: (dims, params) => s.scale?.(dims, params) ?? 1 },
    { name: 'bias', type: 'f32', value: (_dims, params) => s.bias?.(params) ?? 0 },
    { name: 'post', type: 'f32', value: (dims) => s.post?.(dims) ?? 1 },
    { name: 'log2_decay', type: 'f32', value: (_dims, params) => (s.lambda ? Math.log2(s.lambda(params)) : 0) },
  ];
}

const L = (dims: Dims): number => dims['L']!;

/** A[t,s] = post·act(scale·x_t·y_s + bias)·λ^{t−s}, s ≤ t, into an L×L buffer. */
export function maskedScores(x: string, y: string, A: string, activation: 'identity' | 'relu2' = 'identity'): PassPlan {
  return {
    shader: 'common/masked-scores.wgsl',
    entry: 'main',
    storage: [x, y, A],
    constants: { ACTIVATION: activation === 'relu2' ? 1 : 0 },
    workgroups: (dims) => [ceilDiv(L(dims), 64), ceilDiv(L(dims), 64)],
  };
}

/** Y = A·V over the lower triangle, optionally row-normalized by A·1. */
export function applyValues(A: string, normalize: boolean): PassPlan {
  return {
    shader: 'common/apply-values.wgsl',
    tuning: 'matmul',
    entry: 'main',
    storage: [A, 'V', 'Y'],
    constants: { NORMALIZE: normalize ? 1 : 0 },
    workgroups: (dims) => [ceilDiv(dims['dv']!, 64), ceilDiv(L(dims), 64)],
  };
}

export const featureMap: PassPlan = {
  shader: 'common/feature-map.wgsl',
  entry: 'main',
  storage: ['Q', 'K', 'φQ', 'φK'],
  workgroups: (dims) => grid1d(L(dims) * dims['d']!, 256),
};

export function clear(buffer: string, elements: (dims: Dims) => number): PassPlan {
  return { shader: 'common/clear.wgsl', entry: 'main', storage: [buffer], workgroups: (dims) => [ceilDiv(elements(dims), 256)] };
}

/** Chunk count ⌈L/C⌉ and the shared chunk block's width min(C, L). */
export function chunking(chunk: (params: Params) => number) {
  return {
    count: (dims: Dims, params: Params) => ceilDiv(L(dims), chunk(params)),
    width: (dims: Dims, params: Params) => Math.min(chunk(params), L(dims)),
  };
}

/** The chunk's causal block A (64×64 register tiles). */
export function chunkScores(x: string, y: string, A: string, width: (dims: Dims, params: Params) => number): PassPlan {
  return {
    shader: 'common/chunk-scores.wgsl',
    tuning: 'matmul',
    entry: 'main',
    storage: [x, y, A],
    workgroups: (dims, params) => [ceilDiv(width(dims, params), 64), ceilDiv(width(dims, params), 64)],
  };
}

/** The chunk's outputs [A | Q̃]·[V ; S] (64×64 register tiles of rows × dv). */
export function chunkOutput(shader: string, storage: readonly string[], width: (dims: Dims, params: Params) => number): PassPlan {
  return {
    shader,
    tuning: 'matmul',
    entry: 'main',
    storage,
    workgroups: (dims, params) => [ceilDiv(dims['dv']!, 64), ceilDiv(width(dims, params), 64)],
  };
}

/** The state update past the chunk, K̃ᵀV (64×64 register tiles of the d×dv state). */
export function chunkState(shader: string, storage: readonly string[]): PassPlan {
  return { shader, tuning: 'matmul', entry: 'main', storage, workgroups: (dims) => [ceilDiv(dims['dv']!, 64), ceilDiv(dims['d']!, 64)] };
}

/** The recurrent kernels stage q_t and k_t in 256-entry workgroup arrays. */
export const RECURRENT_MAX_D = 256;

export function recurrentLimit(dims: Dims): string | undefined {
  return dims['d']! > RECURRENT_MAX_D ? `the recurrent kernel takes d ≤ ${RECURRENT_MAX_D}; got d = ${dims['d']}` : undefined;
}
