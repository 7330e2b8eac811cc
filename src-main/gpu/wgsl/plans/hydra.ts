/**
 * WGSL plans of Hydra (MIXERS.md §12): shaders/hydra/. `scan` is two dispatches, forward then
 * backward, each one invocation per state element (n, p) with the sequential loop over t, or
 * (`parallelPasses`, scan-config.ts) each a blocked parallel scan across t.
 */
import { skipWeight } from '../../../engine/mixers/hydra/reference.js';
import { ceilDiv, type MixerPlan, type PassPlan, type UniformField } from '../plan.js';

/** struct Params { L: u32, N: u32, P: u32, Dskip: f32 } */
const uniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'N', type: 'u32', value: (dims) => dims['N']! },
  { name: 'P', type: 'u32', value: (dims) => dims['P']! },
  { name: 'Dskip', type: 'f32', value: (_dims, params) => skipWeight(params) },
];

/** Each scan keeps ⌈N/64⌉ ≤ 8 state rows per invocation. */
const SCAN_MAX_N = 512;

function scanPass(backward: boolean, parallel = false): PassPlan {
  return {
    shader: 'hydra/scan.wgsl',
    entry: parallel ? 'segmented' : 'main',
    storage: ['X', 'a', 'B', 'C', 'Y', backward ? 'g (backward state)' : 'h (forward state)'],
    constants: { BACKWARD: backward ? 1 : 0 },
    workgroups: (dims) => {
      // The segmented scan: one workgroup per column p, parallel across t.
      if (parallel) return [dims['P']!];
      let lanes = 1;
      while (lanes < dims['N']! && lanes < 64) lanes *= 2;
      return [ceilDiv(dims['P']!, 64 / lanes)];
    },
  };
}

export const hydraPlan: MixerPlan = {
  scan: {
    uniforms,
    passes: [scanPass(false), scanPass(true)],
    parallelPasses: [scanPass(false, true), scanPass(true, true)],
    unsupported: (dims) => (dims['N']! > SCAN_MAX_N ? `the scan kernel takes N ≤ ${SCAN_MAX_N}; got N = ${dims['N']}` : undefined),
  },
  materialized: {
    uniforms,
    passes: [
      {
        shader: 'hydra/matrix.wgsl',
        tuning: 'matmul',
        entry: 'main',
        storage: ['a', 'B', 'C', 'M'],
        workgroups: (dims) => [ceilDiv(dims['L']!, 64), ceilDiv(dims['L']!, 64)],
      },
      {
        shader: 'hydra/apply.wgsl',
        tuning: 'matmul',
        entry: 'main',
        storage: ['M', 'X', 'Y'],
        workgroups: (dims) => [ceilDiv(dims['P']!, 64), ceilDiv(dims['L']!, 64)],
      },
    ],
  },
};
