/**
 * WGSL plans of Mamba-2 SSD (MIXERS.md §6): shaders/ssd/. The quadratic form is the chunked form's
 * stage 1 on a single chunk of length L, so both share scores.wgsl and apply.wgsl. The scan, and
 * the chunked form's scan over chunk states, run either sequentially (one invocation per state
 * element stepping through t, resp. the L/Q chunks) or as blocked parallel scans across t
 * (`parallelPasses`; scan-config.ts picks per device).
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { chunkSize } from '../../../engine/mixers/common/chunks.js';
import { ceilDiv, grid1d, type FormPlan, type MixerPlan, type PassPlan, type UniformField } from '../plan.js';

const chunkOf = (dims: Dims, params: Params, quadratic: boolean): number => (quadratic ? dims['L']! : chunkSize(params, 'ssd'));

/** struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }; width = min(chunk, L). */
function uniforms(quadratic: boolean): UniformField[] {
  return [
    { name: 'L', type: 'u32', value: (dims) => dims['L']! },
    { name: 'N', type: 'u32', value: (dims) => dims['N']! },
    { name: 'P', type: 'u32', value: (dims) => dims['P']! },
    { name: 'chunk', type: 'u32', value: (dims, params) => chunkOf(dims, params, quadratic) },
    { name: 'width', type: 'u32', value: (dims, params) => Math.min(dims['L']!, chunkOf(dims, params, quadratic)) },
  ];
}

const chunks = (dims: Dims, params: Params, quadratic: boolean): number => ceilDiv(dims['L']!, chunkOf(dims, params, quadratic));
const blockTiles = (dims: Dims, params: Params, quadratic: boolean): number => ceilDiv(Math.min(dims['L']!, chunkOf(dims, params, quadratic)), 64);

/** Stage 1: the decayed scores of each chunk's diagonal block, then those blocks times X. */
function blockPasses(scores: string, quadratic: boolean): PassPlan[] {
  return [
    {
      shader: 'ssd/scores.wgsl',
      entry: 'main',
      storage: ['a', 'B', 'C', scores],
      workgroups: (dims, params) => [blockTiles(dims, params, quadratic), blockTiles(dims, params, quadratic), chunks(dims, params, quadratic)],
    },
    {
      shader: 'ssd/apply.wgsl',
      tuning: 'matmul',
      entry: 'main',
      storage: [scores, 'X', 'Y'],
      workgroups: (dims, params) => [ceilDiv(dims['P']!, 64), blockTiles(dims, params, quadratic), chunks(dims, params, quadratic)],
    },
  ];
}

/** The scan keeps ⌈N/64⌉ ≤ 8 state rows per invocation. */
const SCAN_MAX_N = 512;

const scanStorage = ['X', 'a', 'B', 'C', 'Y', 'h'];
const scan: FormPlan = {
  uniforms: uniforms(true),
  passes: [
    {
      shader: 'ssd/scan.wgsl',
      entry: 'main',
      storage: scanStorage,
      workgroups: (dims) => {
        let lanes = 1;
        while (lanes < dims['N']! && lanes < 64) lanes *= 2;
        return [ceilDiv(dims['P']!, 64 / lanes)];
      },
    },
  ],
  // One workgroup per column p, parallel across t.
  parallelPasses: [{ shader: 'ssd/scan.wgsl', entry: 'segmented', storage: scanStorage, workgroups: (dims) => grid1d(dims['P']!, 1) }],
  unsupported: (dims) => (dims['N']! > SCAN_MAX_N ? `the scan kernel takes N ≤ ${SCAN_MAX_N}; got N = ${dims['N']}` : undefined),
};

/**
 * The chunked form's passes; its scans (the log-decay sums within each chunk, the states across
 * chunks) sequential, or blocked scans across the tokens of a chunk, resp. the chunks.
 */
function chunkedPasses(parallel: boolean): PassPlan[] {
  return [
    {
      shader: 'ssd/decay.wgsl',
      entry: parallel ? 'segmented' : 'main',
      storage: ['a', 'decay'],
      workgroups: (dims, params) => grid1d(chunks(dims, params, false), parallel ? 1 : 64),
    },
    ...blockPasses('block scores', false),
    {
      shader: 'ssd/states.wgsl',
      tuning: 'matmul',
      entry: 'main',
      storage: ['decay', 'B', 'X', 'chunk states'],
      workgroups: (dims, params) => [ceilDiv(dims['P']!, 64), ceilDiv(dims['N']!, 64), chunks(dims, params, false)],
    },
    {
      shader: 'ssd/carry.wgsl',
      entry: parallel ? 'segmented' : 'main',
      storage: ['decay', 'chunk states'],
      workgroups: (dims) => grid1d(dims['N']! * dims['P']!, parallel ? 1 : 64),
    },
    {
      shader: 'ssd/state-output.wgsl',
      tuning: 'matmul',
      entry: 'main',
      storage: ['decay', 'C', 'chunk states', 'Y'],
      workgroups: (dims, params) => [ceilDiv(dims['P']!, 64), blockTiles(dims, params, false), chunks(dims, params, false)],
    },
  ];
}

export const ssdPlan: MixerPlan = {
  quadratic: { uniforms: uniforms(true), passes: blockPasses('G ⊙ CBᵀ', true) },
  scan,
  chunked: { uniforms: uniforms(false), passes: chunkedPasses(false), parallelPasses: chunkedPasses(true) },
};
