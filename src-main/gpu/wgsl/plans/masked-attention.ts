/**
 * WGSL plans of structured-mask attention (MIXERS.md §4): quadratic (mask M and scores S
 * materialized) and four-step (Z = K ⊗ V, the mask's matvec as a blocked parallel scan, Y = Σ_i Q·H).
 * The gate tensor a is a buffer only for the selective mask; for the others a read-only buffer of
 * the same pass stands in at its binding and is never read (the shader branches on `mask`).
 */
import type { Params } from '../../../engine/core/mixer.js';
import { decayLambda } from '../../../engine/mixers/common/gates.js';
import { MASK_KINDS, maskKind } from '../../../engine/mixers/masked-attention/mask.js';
import { ceilDiv, grid1d, type MixerPlan, type UniformField } from '../plan.js';
import { applyValues } from './attention-family.js';

/** Tokens per block of the four-step scan (scan-local runs within one, scan-carry joins them). */
export const SCAN_BLOCK = 64;

/** struct Params { L, d, dv, mask: u32, lambda: f32, block: u32 } */
const uniforms: readonly UniformField[] = [
  { name: 'L', type: 'u32', value: (dims) => dims['L']! },
  { name: 'd', type: 'u32', value: (dims) => dims['d']! },
  { name: 'dv', type: 'u32', value: (dims) => dims['dv']! },
  { name: 'mask', type: 'u32', value: (_dims, params) => MASK_KINDS.indexOf(maskKind(params)) },
  { name: 'lambda', type: 'f32', value: (_dims, params) => (maskKind(params) === 'decay' ? decayLambda(params, 'masked-attention') : 1) },
  { name: 'block', type: 'u32', value: () => SCAN_BLOCK },
];

const gate = (standIn: string) => (params: Params) => (maskKind(params) === 'selective' ? 'a' : standIn);
const blocks = (L: number): number => ceilDiv(L, SCAN_BLOCK);

export const maskedAttentionPlan: MixerPlan = {
  quadratic: {
    uniforms,
    passes: [
      { shader: 'masked-attention/mask.wgsl', entry: 'main', storage: (p) => [gate('Q')(p), 'M'], workgroups: (dims) => grid1d(dims['L']!, 256) },
      {
        shader: 'masked-attention/scores.wgsl',
        entry: 'main',
        storage: ['Q', 'K', 'M', 'S'],
        workgroups: (dims) => [ceilDiv(dims['L']!, 64), ceilDiv(dims['L']!, 64)],
      },
      applyValues('S', false),
    ],
  },
  'four-step': {
    uniforms,
    passes: [
      {
        shader: 'masked-attention/scan-local.wgsl',
        entry: 'main',
        storage: (p) => ['K', 'V', gate('K')(p), 'Z→H'],
        workgroups: (dims) => grid1d(blocks(dims['L']!) * dims['d']! * dims['dv']!, 256),
      },
      {
        shader: 'masked-attention/scan-carry.wgsl',
        entry: 'main',
        storage: (p) => [gate('Q')(p), 'Z→H'],
        workgroups: (dims) => grid1d(dims['d']! * dims['dv']!, 256),
      },
      {
        shader: 'masked-attention/scan-fixup.wgsl',
        entry: 'main',
        storage: (p) => [gate('Q')(p), 'Z→H'],
        workgroups: (dims) => grid1d(blocks(dims['L']!) * dims['d']! * dims['dv']!, 256),
      },
      { shader: 'masked-attention/output.wgsl', entry: 'main', storage: ['Q', 'Z→H', 'Y'], workgroups: (dims) => grid1d(dims['L']! * dims['dv']!, 256) },
    ],
  },
};
