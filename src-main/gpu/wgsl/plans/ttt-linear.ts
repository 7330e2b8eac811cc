/**
 * WGSL plans of TTT-linear (MIXERS.md §8): shaders/ttt-linear/. `recurrent` runs one invocation per
 * fast weight (j, i) with the sequential loop over t: each step's update needs the reduced W_{t−1}k_t,
 * so there is no parallel scan across L. `mini-batch` loops over the batches, two dispatches each.
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { tttBatch, tttStep } from '../../../engine/mixers/ttt-linear/reference.js';
import { ceilDiv, grid1d, type MixerPlan, type UniformField } from '../plan.js';

/** The batch as the cost model sizes E and A: b = min(batch, L). */
const batchOf = (dims: Dims, params: Params): number => Math.min(tttBatch(params), dims['L']!);

/** struct Params { L: u32, d: u32, dv: u32, eta: f32, batch: u32 } */
const uniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'd', type: 'u32', value: (dims) => dims['d']! },
  { name: 'dv', type: 'u32', value: (dims) => dims['dv']! },
  { name: 'eta', type: 'f32', value: (dims, params) => tttStep(params, dims['d']!) },
  { name: 'batch', type: 'u32', value: batchOf },
];

/** The recurrent kernel keeps ⌈d/64⌉ ≤ 16 weights per invocation. */
const RECURRENT_MAX_D = 1024;

/** Flat invocation counts fold into y past 65535 workgroups (flatIndex in the mini-batch shaders). */
const flat = (n: number) => grid1d(n, 64);

export const tttLinearPlan: MixerPlan = {
  recurrent: {
    uniforms,
    passes: [
      {
        shader: 'ttt-linear/recurrent.wgsl',
        entry: 'main',
        storage: ['Q', 'K', 'V', 'Y', 'W', 'e'],
        workgroups: (dims) => {
          let lanes = 1;
          while (lanes < dims['d']! && lanes < 64) lanes *= 2;
          return [ceilDiv(dims['dv']!, 64 / lanes)];
        },
      },
    ],
    unsupported: (dims) => (dims['d']! > RECURRENT_MAX_D ? `the recurrent kernel takes d ≤ ${RECURRENT_MAX_D}; got d = ${dims['d']}` : undefined),
  },
  'mini-batch': {
    uniforms,
    passes: [
      { shader: 'ttt-linear/reset.wgsl', entry: 'main', storage: ['W'], workgroups: (dims) => flat(dims['d']! * dims['dv']!) },
      {
        loop: [
          {
            shader: 'ttt-linear/residuals.wgsl',
            entry: 'main',
            storage: ['Q', 'K', 'V', 'Y', 'W', 'E', 'A'],
            workgroups: (dims, params) => flat(batchOf(dims, params) * (dims['dv']! + batchOf(dims, params))),
          },
          {
            shader: 'ttt-linear/apply.wgsl',
            entry: 'main',
            storage: ['K', 'Y', 'W', 'E', 'A'],
            workgroups: (dims, params) => flat(batchOf(dims, params) * dims['dv']! + dims['dv']! * dims['d']!),
          },
        ],
        count: (dims, params) => ceilDiv(dims['L']!, batchOf(dims, params)),
      },
    ],
  },
};
