/** WGSL plan of MLP-Mixer token mixing (MIXERS.md §11): shaders/mlp-mixer/, two tiled matrix products. */
import { ceilDiv, type MixerPlan, type UniformField } from '../plan.js';

/** struct Params { L: u32, d: u32, h: u32 } */
const uniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'd', type: 'u32', value: (dims) => dims['d']! },
  { name: 'h', type: 'u32', value: (dims) => dims['h']! },
];

export const mlpMixerPlan: MixerPlan = {
  dense: {
    uniforms,
    passes: [
      {
        shader: 'mlp-mixer/hidden.wgsl',
        tuning: 'matmul',
        entry: 'main',
        storage: ['X', 'W1', 'H'],
        workgroups: (dims) => [ceilDiv(dims['d']!, 64), ceilDiv(dims['h']!, 64)],
      },
      {
        shader: 'mlp-mixer/output.wgsl',
        tuning: 'matmul',
        entry: 'main',
        storage: ['W2', 'H', 'Y'],
        workgroups: (dims) => [ceilDiv(dims['d']!, 64), ceilDiv(dims['L']!, 64)],
      },
    ],
  },
};
