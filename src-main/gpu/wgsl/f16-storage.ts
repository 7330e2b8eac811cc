/**
 * What the float16 dtype stores in f16, per form: every storage buffer of its passes (inputs,
 * intermediates, output) except those listed here, which stay f32 because the math needs more than
 * f16's 11-bit significand in memory. Arithmetic is f32 everywhere (f16-variant.ts).
 */
import type { Params } from '../../engine/core/mixer.js';
import { storageOf, type PassPlan } from './plan.js';
import type { StorageVariant } from './pipelines.js';

interface KeptF32 {
  readonly buffers: readonly string[];
  /** Why these buffers cannot be f16: shown nowhere but here, where the choice is made. */
  readonly why: string;
}

/** Scan accumulators: a state that every token (or chunk) adds into, in place, for the whole sequence. */
const CARRIED_STATE = 'a running state carried across all L tokens: rounding it to f16 at every step compounds (simple-linear-attention/recurrent reached 9e-3 at L = 2048 with an f16 state)';

/**
 * Keyed `mixer/form`, the cost model's buffer names. Two kinds of buffer stay f32, both small next
 * to the L×L or L×d buffers that go f16: running states (d×dv, N×P, r per channel) and log-domain
 * or unnormalised values whose size grows with L (a cumulative log gate at t is O(t), where f16's
 * spacing at 1000 is 0.5; Bluestein's convolution sums m products).
 */
const KEEP_F32: Readonly<Record<string, KeptF32>> = {
  'linear-attention/recurrent': { buffers: ['S', 'z'], why: CARRIED_STATE },
  'linear-attention/chunked': { buffers: ['S', 'z', 'chunk states'], why: CARRIED_STATE },
  'simple-linear-attention/recurrent': { buffers: ['S'], why: CARRIED_STATE },
  'simple-linear-attention/chunked': { buffers: ['S', 'chunk states'], why: CARRIED_STATE },
  'retention/recurrent': { buffers: ['S'], why: CARRIED_STATE },
  'retention/chunked': { buffers: ['S', 'chunk states'], why: CARRIED_STATE },
  'ssm/scan': { buffers: ['h'], why: CARRIED_STATE },
  'ssm/materialized': { buffers: ['log decay (one channel)'], why: 'cumulative log decays (the parallel matrix pass) grow with the block length' },
  'ssd/scan': { buffers: ['h'], why: CARRIED_STATE },
  'ssd/chunked': { buffers: ['chunk states', 'decay'], why: `${CARRIED_STATE}; decay holds cumulative log gates` },
  'hydra/scan': { buffers: ['h (forward state)', 'g (backward state)'], why: CARRIED_STATE },
  'mlstm/recurrent': { buffers: ['C', 'n'], why: CARRIED_STATE },
  'mlstm/parallel': { buffers: ['log f', 'row max m'], why: 'cumulative log forget gates and their row maxima grow with t' },
  'ttt-linear/recurrent': { buffers: ['W'], why: CARRIED_STATE },
  'ttt-linear/mini-batch': { buffers: ['W'], why: CARRIED_STATE },
  'fnet/fft': {
    buffers: ['Bluestein work (rows)', 'Bluestein work (columns)', 'FFT tables (length d)', 'FFT tables (length L)'],
    why: "Bluestein's convolution is unnormalised (it overflowed f16 at L = 130), and every radix-2 stage reuses the twiddles",
  },
};

/** How one form stores its buffers: a mode, and the cost-model buffers that stay f32 in it. */
export interface FormStorage {
  readonly mode: StorageVariant['mode'];
  readonly keepF32: ReadonlySet<string>;
}

export const FORM_F32: FormStorage = { mode: 'f32', keepF32: new Set() };

/** A form's storage at the float16 dtype, in the given mode. */
export function f16StorageOf(mixerId: string, formId: string, mode: 'f16' | 'f16-emulated'): FormStorage {
  return { mode, keepF32: new Set(KEEP_F32[`${mixerId}/${formId}`]?.buffers ?? []) };
}

/** One pass's variant: the kept buffers found by the bindings the plan gives them (binding i + 1 for storage i). */
export function passVariant(storage: FormStorage, pass: PassPlan, params: Params): StorageVariant {
  if (storage.mode === 'f32') return { mode: 'f32' };
  const keepF32 = storageOf(pass, params).flatMap((name, i) => (storage.keepF32.has(name) ? [i + 1] : []));
  return keepF32.length > 0 ? { mode: storage.mode, keepF32 } : { mode: storage.mode };
}

/** Bytes per element of a cost-model buffer: 2 where it is stored as f16 on the device. */
export function elementBytes(storage: FormStorage): (buffer: string) => number {
  if (storage.mode !== 'f16') return () => 4;
  return (buffer) => (storage.keepF32.has(buffer) ? 4 : 2);
}

/** How an input is uploaded: packed f16, f32, or (emulated f16 storage) f32 values rounded to f16. */
export function encodingOf(storage: FormStorage): (buffer: string) => 'f32' | 'f16' | 'f32-as-f16' {
  return (buffer) => (storage.mode === 'f32' || storage.keepF32.has(buffer) ? 'f32' : storage.mode === 'f16' ? 'f16' : 'f32-as-f16');
}
