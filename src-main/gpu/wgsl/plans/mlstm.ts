/**
 * WGSL plans of mLSTM (MIXERS.md §7): shaders/mlstm/. `recurrent` runs one invocation per state
 * element (i, j) of C with the sequential loop over t (the stabilized recurrence carries m_t, so it is
 * not split across L here); `parallel` gets its log-gate sums and row maxima from one O(L) prefix
 * pass, then tiled gated scores and a tiled normalized product.
 */
import { ceilDiv, type MixerPlan, type UniformField } from '../plan.js';

/** struct Params { L: u32, d: u32, dv: u32, scale: f32 }; keys are scaled by 1/√d. */
const uniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'd', type: 'u32', value: (dims) => dims['d']! },
  { name: 'dv', type: 'u32', value: (dims) => dims['dv']! },
  { name: 'scale', type: 'f32', value: (dims) => 1 / Math.sqrt(dims['d']!) },
];

/** The recurrent kernel keeps ⌈d/64⌉ ≤ 16 entries of C and n per invocation. */
const RECURRENT_MAX_D = 1024;

export const mlstmPlan: MixerPlan = {
  parallel: {
    uniforms,
    passes: [
      { shader: 'mlstm/gates.wgsl', entry: 'main', storage: ['igate', 'fgate', 'log f', 'row max m'], workgroups: () => [1] },
      {
        shader: 'mlstm/scores.wgsl',
        entry: 'main',
        storage: ['Q', 'K', 'igate', 'log f', 'row max m', 'S'],
        workgroups: (dims) => [ceilDiv(dims['L']!, 64), ceilDiv(dims['L']!, 64)],
      },
      {
        shader: 'mlstm/apply.wgsl',
        tuning: 'matmul',
        entry: 'main',
        storage: ['S', 'V', 'row max m', 'Y'],
        workgroups: (dims) => [ceilDiv(dims['dv']!, 64), ceilDiv(dims['L']!, 64)],
      },
    ],
  },
  recurrent: {
    uniforms,
    passes: [
      {
        shader: 'mlstm/recurrent.wgsl',
        entry: 'main',
        storage: ['Q', 'K', 'V', 'igate', 'fgate', 'Y', 'C', 'n'],
        workgroups: (dims) => {
          let lanes = 1;
          while (lanes < dims['d']! && lanes < 64) lanes *= 2;
          return [ceilDiv(dims['dv']!, 64 / lanes)];
        },
      },
    ],
    unsupported: (dims) => (dims['d']! > RECURRENT_MAX_D ? `the recurrent kernel takes d ≤ ${RECURRENT_MAX_D}; got d = ${dims['d']}` : undefined),
  },
};
