/**
 * Where a sweep's float64 references are computed. A reference is a plain definition and often
 * costs more than the form it checks, so a host that can (the sweep thread) computes it on another
 * core while the point is being prepared and timed; the engine alone computes it in place.
 */
import type { Form, Inputs, Mixer, Params } from '../core/mixer.js';
import type { Tensor } from '../core/tensor.js';
import { performanceClock, type Clock } from '../backends/clock.js';

export interface ReferenceRunner {
  /** The references of `sets` for `form` (its own reference, or the mixer's), with the time per set. */
  run(mixer: Mixer, form: Form, params: Params, sets: readonly Inputs[]): Promise<{ readonly tensors: Tensor[]; readonly msPerSet: number }>;
}

/** In place, on the caller's thread (tests, and a sweep run without a thread). */
export function localReferenceRunner(now: Clock = performanceClock): ReferenceRunner {
  return {
    run: async (mixer, form, params, sets) => {
      const reference = form.reference ?? mixer.reference;
      const t0 = now();
      const tensors = sets.map((inputs) => reference(inputs, params));
      return { tensors, msPerSet: Math.max((now() - t0) / Math.max(sets.length, 1), 1e-6) };
    },
  };
}
