/**
 * WGSL plans of linear attention (MIXERS.md §2), φ = elu + 1 with the denominator. The chunked form
 * carries S and z through the chunks in order, or (its parallel variant, parallel-chunks.ts) scans
 * every chunk's (ΔS, Δz) across the chunks at once.
 */
import { chunkSize } from '../../../engine/mixers/common/chunks.js';
import { ceilDiv, type MixerPlan } from '../plan.js';
import { parallelChunked } from './parallel-chunks.js';
import { applyValues, attentionUniforms, chunkOutput, chunkScores, chunkState, chunking, clear, featureMap, maskedScores, recurrentLimit } from './attention-family.js';

const chunk = (params: Readonly<Record<string, number | string>>): number => chunkSize(params, 'linear-attention');
const uniforms = attentionUniforms({ chunk });
const { count, width } = chunking(chunk);
const A1 = 'A (one chunk)';

export const linearAttentionPlan: MixerPlan = {
  parallel: { uniforms, passes: [featureMap, maskedScores('φQ', 'φK', 'A'), applyValues('A', true)] },
  recurrent: {
    uniforms,
    passes: [
      {
        shader: 'linear-attention/recurrent.wgsl',
        entry: 'main',
        storage: ['Q', 'K', 'V', 'Y', 'S', 'z'],
        workgroups: (dims) => [ceilDiv(dims['dv']!, 64)],
      },
    ],
    unsupported: recurrentLimit,
  },
  chunked: {
    uniforms,
    passes: [
      featureMap,
      clear('S', (dims) => dims['d']! * dims['dv']!),
      clear('z', (dims) => dims['d']!),
      {
        count,
        loop: [
          chunkScores('φQ', 'φK', A1, width),
          chunkOutput('linear-attention/chunk-output.wgsl', ['φQ', 'V', A1, 'S', 'z', 'Y'], width),
          chunkState('linear-attention/chunk-state.wgsl', ['φK', 'V', 'S', 'z']),
        ],
      },
    ],
    ...parallelChunked({ chunk, folder: 'linear-attention', query: 'φQ', key: 'φK', normalized: true, before: [featureMap] }),
  },
};
