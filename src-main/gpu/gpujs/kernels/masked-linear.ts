/**
 * Plans for the linear-attention family: parallel (exact), recurrent and chunked (approximate:
 * the sequential carry of the state is recast as independent prefix sums, see the notes).
 */
import type { Dims, Params } from '../../../engine/core/mixer.js';
import { matrix, stage, type GpujsInstance } from '../gpujs.js';
import {
  carriedNormalizers,
  carriedStates,
  chunkNormalizers,
  chunkReadout,
  chunkStates,
  intraChunkWeights,
  normalizedChunkReadout,
} from './masked-linear-chunks.js';
import {
  normalizedStateReadout,
  normalizedValues,
  prefixNormalizers,
  prefixStates,
  rowSums,
  stateReadout,
  weightedValues,
  type FamilyConstants,
} from './masked-linear-kernels.js';
import { dim, type GpujsForm, type GpujsPlan } from './plan.js';

export interface FamilyMember {
  /** φ = elu + 1 on q and k. */
  readonly phi: boolean;
  /** Divide by the normalizer (linear attention); the others are unnormalized. */
  readonly normalized: boolean;
  /** λ of the decay mask, 1 for none. */
  readonly lambda: (params: Params) => number;
}

function constantsOf(member: FamilyMember, dims: Dims, params: Params): FamilyConstants {
  const chunk = Number(params['chunk'] ?? 64);
  return {
    L: dim(dims, 'L'),
    d: dim(dims, 'd'),
    dv: dim(dims, 'dv'),
    C: Number.isInteger(chunk) && chunk > 0 ? chunk : 64,
    phi: member.phi ? 1 : 0,
    lambda: member.lambda(params),
  };
}

function parallelPlan(member: FamilyMember, gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = constantsOf(member, dims, params);
  // The full L×L weights are the intra-chunk weights of one chunk as long as the sequence.
  const A = stage(gpu, intraChunkWeights, [k.L, k.L], { ...k, C: k.L });
  const sums = member.normalized ? stage(gpu, rowSums, [k.L], { ...k }) : undefined;
  const mix = member.normalized
    ? stage(gpu, normalizedValues, [k.dv, k.L], { ...k })
    : stage(gpu, weightedValues, [k.dv, k.L], { ...k });
  return {
    stages: sums ? [A, sums, mix] : [A, mix],
    outputShape: [k.L, k.dv],
    async run(x, keep) {
      const V = matrix(x['V']!, k.L, k.dv);
      const a = keep(await A(matrix(x['Q']!, k.L, k.d), matrix(x['K']!, k.L, k.d)));
      return sums ? mix(a, V, keep(await sums(a))) : mix(a, V);
    },
  };
}

function recurrentPlan(member: FamilyMember, gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = constantsOf(member, dims, params);
  const states = stage(gpu, prefixStates, [k.dv, k.d, k.L], { ...k });
  const norms = member.normalized ? stage(gpu, prefixNormalizers, [k.d, k.L], { ...k }) : undefined;
  const readout = member.normalized
    ? stage(gpu, normalizedStateReadout, [k.dv, k.L], { ...k })
    : stage(gpu, stateReadout, [k.dv, k.L], { ...k });
  return {
    stages: norms ? [states, norms, readout] : [states, readout],
    outputShape: [k.L, k.dv],
    async run(x, keep) {
      const Q = matrix(x['Q']!, k.L, k.d);
      const K = matrix(x['K']!, k.L, k.d);
      const S = keep(await states(K, matrix(x['V']!, k.L, k.dv)));
      return norms ? readout(Q, S, keep(await norms(K))) : readout(Q, S);
    },
  };
}

function chunkedPlan(member: FamilyMember, gpu: GpujsInstance, dims: Dims, params: Params): GpujsPlan {
  const k = constantsOf(member, dims, params);
  const nc = Math.ceil(k.L / k.C);
  const local = stage(gpu, chunkStates, [k.dv, k.d, nc], { ...k });
  const carried = stage(gpu, carriedStates, [k.dv, k.d, nc], { ...k });
  const intra = stage(gpu, intraChunkWeights, [k.C, k.L], { ...k });
  const localZ = member.normalized ? stage(gpu, chunkNormalizers, [k.d, nc], { ...k }) : undefined;
  const carriedZ = member.normalized ? stage(gpu, carriedNormalizers, [k.d, nc], { ...k }) : undefined;
  const readout = member.normalized
    ? stage(gpu, normalizedChunkReadout, [k.dv, k.L], { ...k })
    : stage(gpu, chunkReadout, [k.dv, k.L], { ...k });
  return {
    stages: [local, carried, intra, ...(localZ && carriedZ ? [localZ, carriedZ] : []), readout],
    outputShape: [k.L, k.dv],
    async run(x, keep) {
      const Q = matrix(x['Q']!, k.L, k.d);
      const K = matrix(x['K']!, k.L, k.d);
      const V = matrix(x['V']!, k.L, k.dv);
      const Sin = keep(await carried(keep(await local(K, V))));
      const W = keep(await intra(Q, K));
      if (!localZ || !carriedZ) return readout(Q, V, W, Sin);
      const Zin = keep(await carriedZ(keep(await localZ(K))));
      return readout(Q, V, W, Sin, Zin);
    },
  };
}

const RECURRENT_NOTE =
  'the recurrence S_t = λS_{t−1} + f(k_t)v_tᵀ is recast as one prefix sum per state entry (one output per thread): ' +
  'O(L²·d·dv) work and O(L·d·dv) memory, against O(L·d·dv) work and an O(d·dv) state for the sequential scan';
const CHUNKED_NOTE =
  'intra-chunk work is as the form states; the carry across the L/C chunks is recast as one prefix sum per chunk: ' +
  'O((L/C)²·d·dv) for that step instead of a sequential O((L/C)·d·dv) scan, and every chunk state is held at once (O((L/C)·d·dv))';

/** The three forms of one family member, by form id. */
export function familyForms(member: FamilyMember): Record<'parallel' | 'recurrent' | 'chunked', GpujsForm> {
  return {
    parallel: { fidelity: 'exact', build: (gpu, dims, params) => parallelPlan(member, gpu, dims, params) },
    recurrent: {
      fidelity: 'approximate',
      note: RECURRENT_NOTE,
      build: (gpu, dims, params) => recurrentPlan(member, gpu, dims, params),
    },
    chunked: {
      fidelity: 'approximate',
      note: CHUNKED_NOTE,
      build: (gpu, dims, params) => chunkedPlan(member, gpu, dims, params),
    },
  };
}
