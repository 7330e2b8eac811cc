/**
 * Inputs and float64 references of each (mixer, L), shared by every form and backend at that
 * point: B·H independent input sets, each reference computed once on first use. The interleaved
 * schedule visits (mixer, L) pairs in a random order and comes back to each several times, so the
 * entries are kept in a least-recently-used cache bounded in bytes (CACHE_BYTES): a pair's inputs
 * are generated, and each of its references computed, once per sweep while the cache holds them.
 *
 * A reference is a plain definition and may cost far more than any form (FNet's is the O(L²d²)
 * double DFT sum), so it has a budget too: its time per input set is predicted from the same
 * reference at smaller L, and when the prediction exceeds the per-sample time budget the check
 * is skipped (and said so) rather than stalling the sweep.
 */
import { ByteLru } from '../core/byte-lru.js';
import type { Form, Inputs, Mixer, Params, Dims } from '../core/mixer.js';
import { createRng } from '../core/random.js';
import type { Tensor } from '../core/tensor.js';
import { performanceClock, type Clock } from '../backends/clock.js';
import { fitScalingExponent } from '../stats/fit.js';
import { localReferenceRunner, type ReferenceRunner } from './references.js';

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

/** What the cache may hold: inputs and references of many (mixer, L) pairs at the quick lengths, one at the longest. */
export const CACHE_BYTES = 384 * 1024 * 1024;

interface Entry {
  readonly L: number;
  sets: Inputs[];
  readonly references: Map<string, Promise<References>>;
  bytes: number;
}

function tensorBytes(t: Tensor): number {
  return t.data.byteLength;
}

function setBytes(inputs: Inputs): number {
  return Object.values(inputs).reduce((sum, t) => sum + tensorBytes(t), 0);
}

export class PointInputs {
  /** The current pair is pinned: its references are still landing, and a point is using its inputs. */
  private readonly entries: ByteLru<string, Entry>;
  private current: { readonly key: string; readonly entry: Entry } | undefined;
  /** The latest reference started of each definition, settled or not. */
  private readonly chains = new Map<string, Promise<unknown>>();
  /** Time per input set of each reference (mixer id + form with its own reference), by L. */
  private readonly referenceTimes = new Map<string, { L: number; ms: number }[]>();
  /** How often inputs were generated and references computed (the cache's hit rate, for tests and traces). */
  readonly computed = { inputs: 0, references: 0 };

  private readonly runner: ReferenceRunner;

  constructor(
    private readonly seed: number,
    private readonly budgetMs: number,
    now: Clock = performanceClock,
    cacheBytes: number = CACHE_BYTES,
    runner?: ReferenceRunner,
  ) {
    this.runner = runner ?? localReferenceRunner(now);
    this.entries = new ByteLru(cacheBytes);
  }

  /** The B·H input sets of (mixer, L), generated once while the cache holds them; they become the current pair. */
  inputs(mixer: Mixer, L: number, dims: Dims, params: Params, count: number): Inputs[] {
    const key = `${mixer.id}\u0000${L}`;
    // Pinned first: the pair that was current may go now, this one stays whatever its size.
    this.entries.pin(key);
    let entry = this.entries.get(key);
    if (!entry || entry.sets.length < count) {
      const sets = Array.from({ length: count }, (_, i) => mixer.randomInputs(dims, createRng(inputSeed(this.seed, mixer.id, L, i)), params));
      this.computed.inputs++;
      entry = { L, sets, references: new Map(), bytes: sets.reduce((sum, x) => sum + setBytes(x), 0) };
      this.entries.set(key, entry, entry.bytes);
    }
    this.current = { key, entry };
    return entry.sets.slice(0, count);
  }

  /** Predicted ms per input set of a reference at L, from its own timings at smaller L. */
  predictReferenceMs(timesKey: string, L: number): number | undefined {
    const times = (this.referenceTimes.get(timesKey) ?? []).filter((t) => t.L < L);
    const last = times[times.length - 1];
    if (!last) return undefined;
    const tail = times.slice(-2);
    const exponent = tail.length === 2 && tail[0]!.L !== tail[1]!.L ? fitScalingExponent(tail).exponent : DEFAULT_REFERENCE_EXPONENT;
    return last.ms * (L / last.L) ** Math.max(exponent, 1);
  }

  /**
   * References of the current pair's input sets for `form` (its own reference, or the mixer's):
   * started on the first call and shared by every later one, so a point can start them before it
   * is prepared and timed, and wait for them only when it checks its output.
   */
  referencesFor(mixer: Mixer, form: Form, params: Params): Promise<References> {
    const current = this.current;
    if (!current) return Promise.reject(new Error('referencesFor before inputs: no (mixer, L) is current'));
    const { key, entry } = current;
    const refKey = form.reference ? form.id : '';
    const cached = entry.references.get(refKey);
    if (cached) return cached;
    const timesKey = `${mixer.id}\u0000${refKey}`;
    const L = entry.L;
    // Each reference waits for the one before it of the same definition (a smaller L): its time is
    // what predicts this one's, so an over-budget reference is skipped, never started.
    const before = this.chains.get(timesKey) ?? Promise.resolve();
    const result: Promise<References> = before.then(() => {
      const predicted = this.predictReferenceMs(timesKey, L);
      if (predicted !== undefined && predicted > this.budgetMs) {
        return { skipped: `not checked: the float64 reference is predicted to take ${predicted.toPrecision(3)} ms, over the time budget` };
      }
      this.computed.references++;
      return this.runner.run(mixer, form, params, entry.sets).then(({ tensors, msPerSet }) => {
        const times = [...(this.referenceTimes.get(timesKey) ?? []), { L, ms: msPerSet }].sort((a, b) => a.L - b.L);
        this.referenceTimes.set(timesKey, times);
        entry.bytes += tensors.reduce((sum, t) => sum + tensorBytes(t), 0);
        // The pair may have been evicted (and made again) while its reference ran: then it holds nothing more.
        if (this.entries.peek(key) === entry) this.entries.resize(key, entry.bytes);
        return { tensors };
      });
    });
    // A failure is the caller's to see when it waits; an abandoned start is not an unhandled rejection.
    const settled = result.catch(() => undefined);
    this.chains.set(timesKey, settled);
    entry.references.set(refKey, result);
    return result;
  }
}
