/**
 * Settings from a user, a file or another process: schema first, then against the registry
 * (mixer, form and parameter names exist and parse). The error names the first bad field.
 */
import { MixscopeError } from '../core/errors.js';
import type { Mixer } from '../core/mixer.js';
import { resolveParams } from '../core/validate.js';
import { describeIssue } from '../record/issue.js';
import { MIXERS, getForm, getMixer } from '../registry.js';
import { sweepSettingsSchema, type SweepSettings } from './settings.js';

export function validateSweepSettings(input: unknown): SweepSettings {
  const result = sweepSettingsSchema.safeParse(input);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new MixscopeError(first ? `settings.${describeIssue(first, input)}` : 'invalid sweep settings');
  }
  const settings = result.data;
  const lengths = [...new Set(settings.lengths)].sort((a, b) => a - b);
  for (const id of settings.mixers) getMixer(id);
  for (const [id, forms] of Object.entries(settings.forms)) {
    const mixer = getMixer(id);
    for (const form of forms) getForm(mixer, form);
  }
  for (const [id, params] of Object.entries(settings.params)) resolveParams(getMixer(id), params);
  if (new Set(settings.backends).size !== settings.backends.length) {
    throw new MixscopeError(`settings.backends lists a backend twice: ${settings.backends.join(', ')}`);
  }
  return { ...settings, lengths };
}

/** The mixers a sweep runs, in order: the named ones, or every registered mixer. */
export function selectedMixers(settings: SweepSettings): Mixer[] {
  return settings.mixers.length === 0 ? [...MIXERS] : settings.mixers.map(getMixer);
}
