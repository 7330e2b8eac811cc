/**
 * The parallel variant of the chunked forms of linear attention, simplified linear attention and
 * retention (MIXERS.md §2, §3; scan-config.ts picks it per device). The sequential form carries one
 * d×dv state through the chunks in order, three passes per chunk. This one runs four passes in all:
 *   1. every chunk's own state ΔS_c = K̃_cᵀ V_c (and Δz_c) at once, chunk c = workgroup z;
 *   2. an exclusive scan across the chunks (common/chunk-carry.wgsl): the pairs (γ, ΔS) compose as
 *      (a1·a2, a2·h1 + h2), γ = λ^C for retention, 1 (a plain sum) otherwise;
 *   3. every chunk's causal block at once;
 *   4. every chunk's outputs from its block and the state entering it.
 * Memory: it holds every chunk's state and block at once, ⌈L/C⌉·(d·dv [+ d]) + ⌈L/C⌉·W² values, in
 * place of the one state and one block the cost model counts. Those are the buffers it allocates
 * (`parallelBuffers`), so the point's allocatedBytes and the memory budget check see them; where
 * they do not fit but the sequential form's do, the point runs sequentially (scanVariant).
 */
import type { BufferSpec, Dims, Params } from '../../../engine/core/mixer.js';
import { ceilDiv, grid1d, type FormPlan, type PassPlan } from '../plan.js';
import { chunking } from './attention-family.js';

export const EVERY_BLOCK = 'A (every chunk)';
export const CHUNK_STATES = 'chunk states';

/** The sequential form's buffers that the parallel one replaces by the two above. */
const SEQUENTIAL_ONLY = new Set(['A (one chunk)', 'S', 'z']);

/** Chunk c is workgroup z, whose count WebGPU guarantees up to 65535. */
const MAX_CHUNKS = 65535;

export interface ParallelChunked {
  readonly chunk: (params: Params) => number;
  /** The folder of the form's own every-chunk state and output shaders. */
  readonly folder: 'linear-attention' | 'retention';
  readonly query: string;
  readonly key: string;
  /** Linear attention's denominator: each chunk's slice also holds z (d values). */
  readonly normalized: boolean;
  /** Passes before the four (linear attention's feature map). */
  readonly before?: readonly PassPlan[];
}

/** Values per chunk slice of the chunk states: the d×dv state, then z where normalized. */
const stateWidth = (dims: Dims, normalized: boolean): number => dims['d']! * dims['dv']! + (normalized ? dims['d']! : 0);

/** State elements per workgroup of the carry scan: 256 over the chunks rounded up to a power of two (chunk-carry.wgsl). */
function carryLanes(chunks: number): number {
  let segments = 1;
  while (segments < chunks && segments < 256) segments *= 2;
  return 256 / segments;
}

export function parallelChunked(p: ParallelChunked): Pick<FormPlan, 'parallelPasses' | 'parallelBuffers' | 'parallelUnsupported' | 'scanKind'> {
  const { count, width } = chunking(p.chunk);
  const tiles = (n: number): number => ceilDiv(n, 64);
  const passes: PassPlan[] = [
    {
      shader: `${p.folder}/every-chunk-state.wgsl`,
      tuning: 'matmul',
      entry: 'main',
      storage: [p.key, 'V', CHUNK_STATES],
      workgroups: (dims, params) => [tiles(dims['dv']!), tiles(dims['d']!), count(dims, params)],
    },
    {
      shader: 'common/chunk-carry.wgsl',
      entry: 'main',
      storage: [CHUNK_STATES],
      constants: { NORMALIZER_ROWS: p.normalized ? 1 : 0 },
      workgroups: (dims, params) => grid1d(stateWidth(dims, p.normalized), carryLanes(count(dims, params))),
    },
    {
      shader: 'common/chunk-scores.wgsl',
      tuning: 'matmul',
      entry: 'everyChunk',
      storage: [p.query, p.key, EVERY_BLOCK],
      workgroups: (dims, params) => [tiles(width(dims, params)), tiles(width(dims, params)), count(dims, params)],
    },
    {
      shader: `${p.folder}/every-chunk-output.wgsl`,
      tuning: 'matmul',
      entry: 'main',
      storage: [p.query, 'V', EVERY_BLOCK, CHUNK_STATES, 'Y'],
      workgroups: (dims, params) => [tiles(dims['dv']!), tiles(width(dims, params)), count(dims, params)],
    },
  ];
  return {
    parallelPasses: [...(p.before ?? []), ...passes],
    scanKind: 'chunks',
    parallelBuffers: (buffers: readonly BufferSpec[], dims: Dims, params: Params) => [
      ...buffers.filter((b) => !SEQUENTIAL_ONLY.has(b.name)),
      { name: EVERY_BLOCK, elements: count(dims, params) * width(dims, params) ** 2 },
      { name: CHUNK_STATES, elements: count(dims, params) * stateWidth(dims, p.normalized) },
    ],
    parallelUnsupported: (dims: Dims, params: Params) =>
      count(dims, params) > MAX_CHUNKS ? `the parallel chunked passes take at most ${MAX_CHUNKS} chunks; got ${count(dims, params)}` : undefined,
  };
}
