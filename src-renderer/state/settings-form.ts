/**
 * The run view's form as the user edits it (text where the user types, so a bad entry can be
 * explained rather than coerced), and its conversion to the contract's SweepSettings.
 */
import { DEFAULT_SWEEP_SETTINGS, QUICK_SWEEP_SETTINGS, type SweepSettings } from '@contract/index.js';
import type { DType } from '@engine/core/tensor.js';
import { powersOfTwo } from '@engine/sweep/settings.js';

export const LENGTH_PRESETS = {
  quick: QUICK_SWEEP_SETTINGS.lengths,
  standard: DEFAULT_SWEEP_SETTINGS.lengths,
  long: powersOfTwo(7, 16),
} as const;
export type LengthPreset = keyof typeof LENGTH_PRESETS | 'custom';

export interface SettingsForm {
  /** Selected forms per mixer id; a mixer with no selected form does not run. */
  forms: Record<string, string[]>;
  backends: string[];
  lengthPreset: LengthPreset;
  /** Comma- or space-separated lengths, read when the preset is 'custom'. */
  customLengths: string;
  d: string;
  dv: string;
  state: string;
  heads: string;
  batch: string;
  dtype: DType;
  repetitions: string;
  warmup: string;
  minTimeMs: string;
  timeBudgetMs: string;
  seed: string;
  verify: boolean;
}

export function formFromSettings(s: SweepSettings, allForms: Record<string, string[]>, preset: LengthPreset): SettingsForm {
  const mixers = s.mixers.length > 0 ? s.mixers : Object.keys(allForms);
  return {
    forms: Object.fromEntries(mixers.map((m) => [m, s.forms[m] ?? allForms[m] ?? []])),
    backends: [...s.backends],
    lengthPreset: preset,
    customLengths: s.lengths.join(', '),
    d: String(s.d),
    dv: String(s.dv),
    state: String(s.state),
    heads: String(s.heads),
    batch: String(s.batch),
    dtype: s.dtype,
    repetitions: String(s.repetitions),
    warmup: String(s.warmup),
    minTimeMs: String(s.minTimeMs),
    timeBudgetMs: String(s.timeBudgetMs),
    seed: String(s.seed),
    verify: s.verify,
  };
}

export function parseLengths(text: string): number[] {
  return text
    .split(/[\s,]+/)
    .filter((t) => t !== '')
    .map(Number);
}

export function lengthsOf(form: SettingsForm): number[] {
  return form.lengthPreset === 'custom' ? parseLengths(form.customLengths) : [...LENGTH_PRESETS[form.lengthPreset]];
}

/** Only called once `validateForm` found nothing: every number field parses. */
export function settingsFromForm(form: SettingsForm): SweepSettings {
  const mixers = Object.keys(form.forms).filter((m) => (form.forms[m] ?? []).length > 0);
  return {
    ...DEFAULT_SWEEP_SETTINGS,
    lengths: [...new Set(lengthsOf(form))].sort((a, b) => a - b),
    d: Number(form.d),
    dv: Number(form.dv),
    state: Number(form.state),
    heads: Number(form.heads),
    batch: Number(form.batch),
    dtype: form.dtype,
    repetitions: Number(form.repetitions),
    warmup: Number(form.warmup),
    minTimeMs: Number(form.minTimeMs),
    timeBudgetMs: Number(form.timeBudgetMs),
    seed: Number(form.seed),
    mixers,
    forms: Object.fromEntries(mixers.map((m) => [m, [...(form.forms[m] ?? [])]])),
    backends: form.backends as SweepSettings['backends'],
    verify: form.verify,
  };
}
