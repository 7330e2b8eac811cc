/** The chunk size of chunkwise-parallel forms and the chunk lengths it cuts a sequence into. */
import { MixscopeError } from '../../core/errors.js';
import type { ParamSpec, Params } from '../../core/mixer.js';

export const CHUNK_PARAM: ParamSpec = {
  name: 'chunk',
  description: 'chunk size C of the chunked form (the last chunk may be shorter)',
  type: 'integer',
  default: 64,
  min: 1,
};

/** Reads `chunk`, refusing anything but a positive integer (forms may be called without resolveParams). */
export function chunkSize(params: Params, mixerId: string): number {
  const raw = params['chunk'] ?? CHUNK_PARAM.default;
  const C = Number(raw);
  if (!Number.isInteger(C) || C < 1) {
    throw new MixscopeError(`parameter 'chunk' of ${mixerId} must be a positive integer; got '${raw}'`);
  }
  return C;
}

/** Lengths of the chunks of a sequence of L tokens: ⌊L/C⌋ full chunks, then the remainder if any. */
export function chunkLengths(L: number, C: number): number[] {
  const lengths: number[] = [];
  for (let c0 = 0; c0 < L; c0 += C) lengths.push(Math.min(C, L - c0));
  return lengths;
}
