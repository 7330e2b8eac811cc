/**
 * Plans shared by retention (MIXERS.md §3) and simplified linear attention (§2, the λ = 1 case):
 * Y = ((QKᵀ) ⊙ M) V with M_ts = λ^{t−s}. Shaders: common/ and retention/.
 * The chunked form carries one d×dv state through the chunks in order (a loop of score, output and
 * state passes, each on the register tile), or, in its parallel variant (parallel-chunks.ts), scans
 * every chunk's state across the chunks at once, holding all ⌈L/C⌉ of them: buffers beyond the
 * cost model's one state, which the plan declares so that they are allocated, budgeted and recorded.
 */
import type { Params } from '../../../engine/core/mixer.js';
import { ceilDiv, type MixerPlan } from '../plan.js';
import { parallelChunked } from './parallel-chunks.js';
import { applyValues, attentionUniforms, chunkOutput, chunkScores, chunkState, chunking, clear, maskedScores, recurrentLimit } from './attention-family.js';

export function retentionFamilyPlan(chunk: (params: Params) => number, lambda?: (params: Params) => number): MixerPlan {
  const uniforms = attentionUniforms(lambda ? { chunk, lambda } : { chunk });
  const { count, width } = chunking(chunk);
  const A1 = 'A (one chunk)';
  return {
    parallel: { uniforms, passes: [maskedScores('Q', 'K', 'A'), applyValues('A', false)] },
    recurrent: {
      uniforms,
      passes: [
        {
          shader: 'retention/recurrent.wgsl',
          entry: 'main',
          storage: ['Q', 'K', 'V', 'Y', 'S'],
          workgroups: (dims) => [ceilDiv(dims['dv']!, 64)],
        },
      ],
      unsupported: recurrentLimit,
    },
    chunked: {
      uniforms,
      passes: [
        clear('S', (dims) => dims['d']! * dims['dv']!),
        {
          count,
          loop: [
            chunkScores('Q', 'K', A1, width),
            chunkOutput('retention/chunk-output.wgsl', ['Q', 'V', A1, 'S', 'Y'], width),
            chunkState('retention/chunk-state.wgsl', ['K', 'V', 'S']),
          ],
        },
      ],
      ...parallelChunked({ chunk, folder: 'retention', query: 'Q', key: 'K', normalized: false }),
    },
  };
}
