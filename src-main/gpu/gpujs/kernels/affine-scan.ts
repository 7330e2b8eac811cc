/**
 * The scan of a diagonal linear recurrence h_t = A_t ⊙ h_{t−1} + b_t (per lane e of S), as gpu.js
 * can run it: the Hillis–Steele parallel scan. Each step t holds the affine map (A_t, b_t); pass j
 * composes it with the map 2^j steps back, (A, b)_t ← (A_t·A_{t−2^j}, A_t·b_{t−2^j} + b_t), so
 * after ⌈log₂L⌉ passes b_t = h_t (h_{−1} = 0). Decays are multiplied factor by factor, as the
 * sequential scan does; a product that underflows is one whose contribution is below float32.
 * `reverse` runs the recurrence backwards in time (h_t = A_t h_{t+1} + b_t, for Hydra).
 * Work O(L·log L·S) in 2⌈log₂L⌉ launches, and every h_t is held (O(L·S)), against O(L·S) work and
 * an O(S) state for the sequential scan.
 */
import { stage, type GpujsInstance, type KernelThis, type Rows, type StageArgument, type StageResult } from '../gpujs.js';
import { releaseResult } from '../readback.js';

export interface ScanSizes {
  readonly L: number;
  readonly S: number;
  /** 1: one decay per step shared by every lane (A is [L][1]); 0: A is [L][S]. */
  readonly shared: number;
  readonly reverse: number;
}

type K = KernelThis<ScanSizes>;

/** b'[t][e] = A[t]·b[t∓off][e] + b[t][e], or b[t][e] when t∓off is outside the sequence. Output [L, S]. */
function composeStates(this: K, A: Rows, b: Rows, off: number): number {
  const t = this.thread.y;
  const e = this.thread.x;
  let lane = e;
  if (this.constants.shared > 0.5) lane = 0;
  let prev = t - off;
  if (this.constants.reverse > 0.5) prev = t + off;
  if (prev < 0 || prev >= this.constants.L) return b[t]![e]!;
  return A[t]![lane]! * b[prev]![e]! + b[t]![e]!;
}

/** A'[t][e] = A[t][e]·A[t∓off][e], or A[t][e]. Output [L, 1] or [L, S]. */
function composeDecays(this: K, A: Rows, off: number): number {
  const t = this.thread.y;
  const e = this.thread.x;
  let prev = t - off;
  if (this.constants.reverse > 0.5) prev = t + off;
  if (prev < 0 || prev >= this.constants.L) return A[t]![e]!;
  return A[t]![e]! * A[prev]![e]!;
}

/** The fidelity note of a scan form whose state has `state` entries per step. */
export function scanNote(state: string): string {
  return (
    `the sequential scan is run as a Hillis–Steele parallel scan (one output per thread): ⌈log₂L⌉ passes of 2 launches, ` +
    `O(L·log L·${state}) work and every step's state held, O(L·${state}) memory, against O(L·${state}) work and an O(${state}) state`
  );
}

/** Passes needed: ⌈log₂L⌉. */
export function scanPasses(L: number): number {
  return L <= 1 ? 0 : Math.ceil(Math.log2(L));
}

/**
 * Stages of one scan. The first pass reads the decays as given, an upload or a stage result (its own
 * kernels, since gpu.js compiles per argument type); later passes read the previous pass's results,
 * each freed once read.
 */
export function affineScanStages(gpu: GpujsInstance, k: ScanSizes) {
  const decayLanes = k.shared > 0.5 ? 1 : k.S;
  const firstStates = stage(gpu, composeStates, [k.S, k.L], k);
  const firstDecays = stage(gpu, composeDecays, [decayLanes, k.L], k);
  const states = stage(gpu, composeStates, [k.S, k.L], k);
  const decays = stage(gpu, composeDecays, [decayLanes, k.L], k);
  const passes = scanPasses(k.L);
  return {
    // Only the kernels that run: an unrun cpu kernel would still count its output.
    stages: [firstStates, firstDecays, states, decays].slice(0, passes > 1 ? 4 : passes),
    /** `A` as [L][1] or [L][S], `b` the inputs b_t as [L][S] (a stage result, freed here). Returns h. */
    async run(A: StageArgument, b: StageResult): Promise<StageResult> {
      let decay: StageArgument = A;
      let h = b;
      for (let j = 0; j < passes; j++) {
        const off = 2 ** j;
        const next = await (j === 0 ? firstStates : states)(decay, h, off);
        releaseResult(h);
        h = next;
        if (j + 1 < passes) {
          const nextDecay = await (j === 0 ? firstDecays : decays)(decay, off);
          if (j > 0) releaseResult(decay as StageResult);
          decay = nextDecay;
        }
      }
      if (passes > 1) releaseResult(decay as StageResult);
      return h;
    },
  };
}
