/** WGSL plans of softmax attention (MIXERS.md §1): shaders/softmax-attention/. */
import { softmaxScale } from '../../../engine/mixers/softmax-attention/reference.js';
import { DEFAULT_FUSED, fusedConstants, fusedSlabColumns, type FusedConfig, type FusedFormPlan } from '../fused-config.js';
import { ceilDiv, grid1d, type MixerPlan, type PlanStep, type UniformField } from '../plan.js';

/** struct Params { L: u32, d: u32, dv: u32, scale: f32 } */
const uniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'd', type: 'u32', value: (dims) => dims['d']! },
  { name: 'dv', type: 'u32', value: (dims) => dims['dv']! },
  { name: 'scale', type: 'f32', value: (dims, params) => softmaxScale(params, dims['d']!) },
];

/** The fused kernel's pass under one configuration: a workgroup per ROWS query rows and value slab. */
function fusedPasses(config: FusedConfig): readonly PlanStep[] {
  return [
    {
      shader: 'softmax-attention/fused.wgsl',
      entry: 'main',
      storage: ['Q', 'K', 'V', 'Y'],
      constants: fusedConstants(config),
      workgroups: (dims) => {
        const [x, y = 1] = grid1d(dims['L']!, config.rows);
        return [x, y, ceilDiv(dims['dv']!, fusedSlabColumns(config))];
      },
    },
  ];
}

/** Any dv: a dv wider than one slab of value columns takes more workgroups, each recomputing its scores. */
const fused: FusedFormPlan = { uniforms, passes: fusedPasses(DEFAULT_FUSED), fusedPasses };

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
  fused,
};
