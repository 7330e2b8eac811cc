/** WGSL plans of softmax attention (MIXERS.md §1): shaders/softmax-attention/. */
import { softmaxScale } from '../../../engine/mixers/softmax-attention/reference.js';
import { ceilDiv, grid1d, type MixerPlan, type UniformField } from '../plan.js';

/** struct Params { L: u32, d: u32, dv: u32, scale: f32 } */
const uniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'd', type: 'u32', value: (dims) => dims['d']! },
  { name: 'dv', type: 'u32', value: (dims) => dims['dv']! },
  { name: 'scale', type: 'f32', value: (dims, params) => softmaxScale(params, dims['d']!) },
];

/** The fused kernel keeps its running outputs in 32 registers per invocation: 8 lanes × 32 = 256 columns. */
const FUSED_MAX_DV = 256;

export const softmaxAttentionPlan: MixerPlan = {
  materialized: {
    uniforms,
    passes: [
      {
        shader: 'softmax-attention/scores.wgsl',
        entry: 'main',
        storage: ['Q', 'K', 'S'],
        workgroups: (dims) => [ceilDiv(dims['L']!, 64), ceilDiv(dims['L']!, 64)],
      },
      {
        shader: 'softmax-attention/row-softmax.wgsl',
        entry: 'main',
        storage: ['S'],
        workgroups: (dims) => grid1d(dims['L']!, 1),
      },
      {
        shader: 'softmax-attention/apply-values.wgsl',
        tuning: 'matmul',
        entry: 'main',
        storage: ['S', 'V', 'Y'],
        workgroups: (dims) => [ceilDiv(dims['dv']!, 64), ceilDiv(dims['L']!, 64)],
      },
    ],
  },
  fused: {
    uniforms,
    passes: [
      {
        shader: 'softmax-attention/fused.wgsl',
        entry: 'main',
        storage: ['Q', 'K', 'V', 'Y'],
        workgroups: (dims) => grid1d(dims['L']!, 32),
      },
    ],
    unsupported: (dims) =>
      dims['dv']! > FUSED_MAX_DV ? `the fused kernel takes dv ≤ ${FUSED_MAX_DV}; got dv = ${dims['dv']}` : undefined,
  },
};
