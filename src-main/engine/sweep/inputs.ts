/**
 * Inputs and float64 references of the current (mixer, L), shared by every form and backend at
 * that point: B·H independent input sets, each reference computed once on first use. Holding one
 * (mixer, L) at a time keeps memory at one length's worth.
 *
 * A reference is a plain definition and may cost far more than any form (FNet's is the O(L²d²)
 * double DFT sum), so it has a budget too: its time per input set is predicted from the same
 * reference at smaller L, and when the prediction exceeds the per-sample time budget the check
 * is skipped (and said so) rather than stalling the sweep.
 */
import type { Form, Inputs, Mixer, Params, Dims } from '../core/mixer.js';
import { createRng } from '../core/random.js';
import type { Tensor } from '../core/tensor.js';
import { performanceClock, type Clock } from '../backends/clock.js';
import { fitScalingExponent } from '../stats/fit.js';

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

/** References of the input sets, or why there are none. */
export type References = { readonly tensors: Tensor[] } | { readonly skipped: string };

/** Without two timings, a reference is assumed quadratic in L: most definitions are. */
const DEFAULT_REFERENCE_EXPONENT = 2;

export class PointInputs {
  private key = '';
  private sets: Inputs[] = [];
  private readonly referenceCache = new Map<string, References>();
  /** Time per input set of each reference (mixer id + form with its own reference), by L. */
  private readonly referenceTimes = new Map<string, { L: number; ms: number }[]>();

  constructor(
    private readonly seed: number,
    private readonly budgetMs: number,
    private readonly now: Clock = performanceClock,
  ) {}

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

  /** Predicted ms per input set of a reference at L, from its own timings at smaller L. */
  predictReferenceMs(timesKey: string, L: number): number | undefined {
    const times = this.referenceTimes.get(timesKey) ?? [];
    const last = times[times.length - 1];
    if (!last) return undefined;
    const tail = times.slice(-2);
    const exponent = tail.length === 2 && tail[0]!.L !== tail[1]!.L ? fitScalingExponent(tail).exponent : DEFAULT_REFERENCE_EXPONENT;
    return last.ms * (L / last.L) ** Math.max(exponent, 1);
  }

  /** References of the current input sets for `form` (its own reference, or the mixer's). */
  referencesFor(mixer: Mixer, form: Form, params: Params): References {
    const refKey = form.reference ? form.id : '';
    const cached = this.referenceCache.get(refKey);
    if (cached) return cached;
    const timesKey = `${mixer.id}\u0000${refKey}`;
    const L = Number(this.key.split('\u0000')[1]);
    const predicted = this.predictReferenceMs(timesKey, L);
    let result: References;
    if (predicted !== undefined && predicted > this.budgetMs) {
      result = { skipped: `not checked: the float64 reference is predicted to take ${predicted.toPrecision(3)} ms, over the time budget` };
    } else {
      const reference = form.reference ?? mixer.reference;
      const t0 = this.now();
      const tensors = this.sets.map((inputs) => reference(inputs, params));
      const ms = Math.max((this.now() - t0) / this.sets.length, 1e-6);
      this.referenceTimes.set(timesKey, [...(this.referenceTimes.get(timesKey) ?? []), { L, ms }]);
      result = { tensors };
    }
    this.referenceCache.set(refKey, result);
    return result;
  }
}
