/**
 * Inputs and float64 references of the current (mixer, L), shared by every form and backend at
 * that point: B·H independent input sets, each reference computed once on first use. Holding one
 * (mixer, L) at a time keeps memory at one length's worth.
 */
import type { Form, Inputs, Mixer, Params, Dims } from '../core/mixer.js';
import { createRng } from '../core/random.js';
import type { Tensor } from '../core/tensor.js';

/** FNV-1a of the mixer id, so that seeds differ between mixers but not between runs. */
function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Seed of input set `index` (b·H + h) of `mixer` at length L. */
export function inputSeed(seed: number, mixerId: string, L: number, index: number): number {
  return (Math.imul(seed, 0x9e3779b1) ^ hashId(mixerId) ^ Math.imul(L, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35)) >>> 0;
}

export class PointInputs {
  private key = '';
  private sets: Inputs[] = [];
  private referenceCache = new Map<string, Tensor[]>();

  constructor(private readonly seed: number) {}

  /** The B·H input sets of (mixer, L); regenerated only when (mixer, L) changes. */
  inputs(mixer: Mixer, L: number, dims: Dims, params: Params, count: number): Inputs[] {
    const key = `${mixer.id}\u0000${L}`;
    if (key !== this.key || this.sets.length < count) {
      this.key = key;
      this.referenceCache.clear();
      this.sets = Array.from({ length: count }, (_, i) =>
        mixer.randomInputs(dims, createRng(inputSeed(this.seed, mixer.id, L, i)), params),
      );
    }
    return this.sets.slice(0, count);
  }

  /** References of the current input sets for `form` (its own reference, or the mixer's). */
  referencesFor(mixer: Mixer, form: Form, params: Params): Tensor[] {
    const refKey = form.reference ? form.id : '';
    let refs = this.referenceCache.get(refKey);
    if (!refs) {
      const reference = form.reference ?? mixer.reference;
      refs = this.sets.map((inputs) => reference(inputs, params));
      this.referenceCache.set(refKey, refs);
    }
    return refs;
  }
}
