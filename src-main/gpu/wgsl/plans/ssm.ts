/**
 * WGSL plans of the diagonal SSM (MIXERS.md §5): shaders/ssm/. The scan runs one invocation per
 * state element (c, k) with the sequential loop over t, or (`parallelPasses`, scan-config.ts) a
 * blocked parallel scan across t, one workgroup per channel, whose segment carries live in
 * workgroup memory, so it needs no scratch beyond the cost model's buffers. The materialized form holds one
 * channel's L×L matrix at a time (the cost model's `M (one channel)`), so it loops over the D
 * channels: build M, then multiply it into that channel's column of X. M is built by a token loop
 * (one invocation per column walking t), or (`parallelPasses`) by a parallel scan of the log decays
 * within blocks of 64 tokens and then every 64×64 tile at once (ssm/log-decay.wgsl,
 * ssm/matrix-tiles.wgsl); that variant holds the channel's L×r log decays besides the cost model's
 * buffers (`parallelBuffers`), allocated, budgeted and recorded with the point.
 */
import type { BufferSpec, Dims } from '../../../engine/core/mixer.js';
import { ceilDiv, grid1d, type MixerPlan, type UniformField } from '../plan.js';

/** struct Params { L: u32, D: u32, r: u32 } */
const uniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'D', type: 'u32', value: (dims) => dims['D']! },
  { name: 'r', type: 'u32', value: (dims) => dims['r']! },
];

/** The scan keeps ⌈r/64⌉ ≤ 8 states per invocation; the matrix passes r decay products (or r block log decays). */
const SCAN_MAX_R = 512;
const MATRIX_MAX_R = 64;

const LOG_DECAY = 'log decay (one channel)';
const blocks = (dims: Dims): number => ceilDiv(dims['L']!, 64);
const matvec = { shader: 'ssm/matvec.wgsl', entry: 'main', storage: ['M (one channel)', 'X', 'Y'], workgroups: (dims: Dims) => grid1d(dims['L']!, 1) };

export const ssmPlan: MixerPlan = {
  scan: {
    uniforms,
    passes: [
      {
        shader: 'ssm/scan.wgsl',
        entry: 'main',
        storage: ['X', 'Abar', 'B', 'C', 'Y', 'h'],
        workgroups: (dims) => {
          let lanes = 1;
          while (lanes < dims['r']! && lanes < 64) lanes *= 2;
          return [ceilDiv(dims['D']!, 64 / lanes)];
        },
      },
    ],
    parallelPasses: [
      { shader: 'ssm/scan.wgsl', entry: 'segmented', storage: ['X', 'Abar', 'B', 'C', 'Y', 'h'], workgroups: (dims) => grid1d(dims['D']!, 1) },
    ],
    unsupported: (dims) => (dims['r']! > SCAN_MAX_R ? `the scan kernel takes r ≤ ${SCAN_MAX_R}; got r = ${dims['r']}` : undefined),
  },
  materialized: {
    uniforms,
    passes: [
      {
        loop: [
          { shader: 'ssm/matrix.wgsl', entry: 'main', storage: ['Abar', 'B', 'C', 'M (one channel)'], workgroups: (dims) => grid1d(dims['L']!, 64) },
          matvec,
        ],
        count: (dims) => dims['D']!,
      },
    ],
    parallelPasses: [
      {
        loop: [
          { shader: 'ssm/log-decay.wgsl', entry: 'main', storage: ['Abar', LOG_DECAY], workgroups: (dims) => [blocks(dims), dims['r']!] },
          { shader: 'ssm/matrix-tiles.wgsl', entry: 'main', storage: [LOG_DECAY, 'B', 'C', 'M (one channel)'], workgroups: (dims) => [blocks(dims), blocks(dims)] },
          matvec,
        ],
        count: (dims) => dims['D']!,
      },
    ],
    scanKind: 'matrix',
    parallelBuffers: (buffers: readonly BufferSpec[], dims: Dims) => [...buffers, { name: LOG_DECAY, elements: dims['L']! * dims['r']! }],
    parallelUnsupported: (dims) => (blocks(dims) > 65535 ? `the parallel matrix passes take L ≤ ${65535 * 64}; got L = ${dims['L']}` : undefined),
    unsupported: (dims) => (dims['r']! > MATRIX_MAX_R ? `the matrix kernel takes r ≤ ${MATRIX_MAX_R}; got r = ${dims['r']}` : undefined),
  },
};
