/**
 * The focus curves the profiler plots (MIXERS.md "Attention focus"): S against L at a fixed ‖q‖ and
 * S against ‖q‖ at a fixed L, for every registered mixer with an effective row, beside the closed
 * form where one exists. Plain data, seeded: the same options give the same numbers.
 */
import { MixscopeError } from '../core/errors.js';
import type { Mixer } from '../core/mixer.js';
import { createRng } from '../core/random.js';
import { resolveParams } from '../core/validate.js';
import { getMixer, MIXERS } from '../registry.js';
import { estimateFocus, type FocusDraw } from './monte-carlo.js';
import { FOCUS_THEORY } from './theory-table.js';

export interface FocusOptions {
  /** Mixer ids; default every registered mixer with a focusRow. */
  readonly mixers?: readonly string[];
  /** L of the S-vs-L curve (default 8, 32, 128, 512). */
  readonly lengths?: readonly number[];
  /** ‖q‖ of the S-vs-‖q‖ curve (default 0.5 … 8). */
  readonly qNorms?: readonly number[];
  /** L of the S-vs-‖q‖ curve (default 256). */
  readonly length?: number;
  /** ‖q‖ of the S-vs-L curve (default 4 = √d at the default d). */
  readonly qNorm?: number;
  /** Key width d, value width dv, state size (defaults 16). */
  readonly d?: number;
  readonly dv?: number;
  readonly state?: number;
  /** Key standard deviation σ (default 1). */
  readonly sigma?: number;
  /** Rows drawn per point (default 16). */
  readonly trials?: number;
  readonly seed?: number;
}

interface Estimate {
  readonly S: number | null;
  readonly stdErr: number | null;
  readonly theory?: number;
}
export type LengthPoint = Estimate & { readonly L: number };
export type QueryNormPoint = Estimate & { readonly qNorm: number };

export interface FocusCurve<P> {
  readonly mixer: string;
  /** The closed form drawn beside the points, when the mixer has one. */
  readonly theoryLabel?: string;
  readonly points: readonly P[];
}

type Resolved = Required<Omit<FocusOptions, 'mixers'>>;

const DEFAULTS: Resolved = { lengths: [8, 32, 128, 512], qNorms: [0.5, 1, 2, 3, 4, 6, 8], length: 256, qNorm: 4, d: 16, dv: 16, state: 16, sigma: 1, trials: 16, seed: 1 };

/** Options over the defaults; an option given as undefined keeps its default. */
function resolve(options: FocusOptions): Resolved {
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  return { ...DEFAULTS, ...given };
}

function focusMixers(ids: readonly string[] | undefined): Mixer[] {
  if (!ids) return MIXERS.filter((m) => m.focusRow);
  return ids.map((id) => {
    const mixer = getMixer(id);
    if (!mixer.focusRow) throw new MixscopeError(`${id} has no attention-like row, so it has no focus curve`, 'unsupported');
    return mixer;
  });
}

/** A seed per mixer and axis, so adding a mixer to the list never changes another's numbers. */
function seedFor(seed: number, mixerId: string, axis: string): number {
  let h = seed >>> 0;
  for (const ch of `${mixerId}/${axis}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

function point(mixer: Mixer, o: Resolved, L: number, qNorm: number, rng: ReturnType<typeof createRng>): Estimate {
  const params = resolveParams(mixer);
  const draw: FocusDraw = { shape: { L, d: o.d, dv: o.dv, state: o.state }, params, qNorm, sigma: o.sigma };
  const { S, stdErr } = estimateFocus(mixer, draw, o.trials, rng);
  const theory = FOCUS_THEORY[mixer.id]?.value({ d: o.d, sigma: o.sigma, qNorm, params });
  return theory === undefined ? { S, stdErr } : { S, stdErr, theory };
}

function curve<P>(mixer: Mixer, points: P[]): FocusCurve<P> {
  const theory = FOCUS_THEORY[mixer.id];
  return theory ? { mixer: mixer.id, theoryLabel: theory.label, points } : { mixer: mixer.id, points };
}

export function focusCurvesByLength(options: FocusOptions = {}): FocusCurve<LengthPoint>[] {
  const o = resolve(options);
  return focusMixers(options.mixers).map((mixer) => {
    const rng = createRng(seedFor(o.seed, mixer.id, 'length'));
    return curve(mixer, o.lengths.map((L) => ({ L, ...point(mixer, o, L, o.qNorm, rng) })));
  });
}

export function focusCurvesByQueryNorm(options: FocusOptions = {}): FocusCurve<QueryNormPoint>[] {
  const o = resolve(options);
  return focusMixers(options.mixers).map((mixer) => {
    const rng = createRng(seedFor(o.seed, mixer.id, 'qNorm'));
    return curve(mixer, o.qNorms.map((qNorm) => ({ qNorm, ...point(mixer, o, o.length, qNorm, rng) })));
  });
}
