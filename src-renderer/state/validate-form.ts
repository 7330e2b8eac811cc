/**
 * Checks the run form before a sweep can start; each message is one line shown next to its field
 * (issue part 2: "Invalid settings are explained next to the field before a run can start").
 */
import type { BackendProbeRecord } from '@contract/index.js';
import { lengthsOf, type SettingsForm } from './settings-form.js';

export type FieldName = 'forms' | 'backends' | 'lengths' | 'd' | 'dv' | 'state' | 'heads' | 'batch' | 'dtype' | 'repetitions' | 'warmup' | 'minTimeMs' | 'timeBudgetMs' | 'seed';
export type FieldErrors = Partial<Record<FieldName, string>>;

/** The longest sequence the form accepts: 2^20 tokens; the time and memory budgets decide the rest. */
export const MAX_LENGTH = 2 ** 20;

function integerError(text: string, label: string, min: number, max: number): string | undefined {
  if (text.trim() === '') return `${label} is empty`;
  const value = Number(text);
  if (!Number.isInteger(value)) return `${label} must be a whole number; got '${text}'`;
  if (value < min || value > max) return `${label} must lie in [${min}, ${max}]; got ${value}`;
  return undefined;
}

function numberError(text: string, label: string, min: number, strict: boolean): string | undefined {
  if (text.trim() === '') return `${label} is empty`;
  const value = Number(text);
  if (!Number.isFinite(value)) return `${label} must be a number; got '${text}'`;
  if (strict ? value <= min : value < min) return `${label} must be ${strict ? 'above' : 'at least'} ${min}; got ${value}`;
  return undefined;
}

function lengthsError(form: SettingsForm): string | undefined {
  const lengths = lengthsOf(form);
  if (lengths.length === 0) return 'give at least one length L';
  const bad = lengths.find((L) => !Number.isInteger(L) || L < 1 || L > MAX_LENGTH);
  if (bad !== undefined) return `each L must be a whole number in [1, ${MAX_LENGTH}]; got '${Number.isNaN(bad) ? form.customLengths : bad}'`;
  return undefined;
}

export function validateForm(form: SettingsForm, backends: readonly BackendProbeRecord[]): FieldErrors {
  const errors: FieldErrors = {};
  const set = (field: FieldName, message: string | undefined) => {
    if (message) errors[field] = message;
  };
  if (!Object.values(form.forms).some((f) => f.length > 0)) set('forms', 'pick at least one form of one mixer');
  const chosen = backends.filter((b) => form.backends.includes(b.id) && b.available);
  if (form.backends.length === 0) set('backends', 'pick at least one backend');
  else if (chosen.length < form.backends.length) set('backends', `not available here: ${form.backends.filter((id) => !chosen.some((b) => b.id === id)).join(', ')}`);
  const noDtype = chosen.filter((b) => !b.dtypes.includes(form.dtype)).map((b) => b.id);
  if (noDtype.length > 0) set('dtype', `${noDtype.join(', ')} cannot compute in ${form.dtype}`);
  set('lengths', lengthsError(form));
  set('d', integerError(form.d, 'd', 1, 4096));
  set('dv', integerError(form.dv, 'd_v', 1, 4096));
  set('state', integerError(form.state, 'state size', 1, 1024));
  set('heads', integerError(form.heads, 'heads', 1, 256));
  set('batch', integerError(form.batch, 'batch', 1, 1024));
  set('repetitions', integerError(form.repetitions, 'repetitions', 1, 1000));
  set('warmup', integerError(form.warmup, 'warm-up runs', 0, 100));
  set('minTimeMs', numberError(form.minTimeMs, 'minimum time per point', 0, false));
  set('timeBudgetMs', numberError(form.timeBudgetMs, 'time budget per sample', 0, true));
  set('seed', integerError(form.seed, 'seed', -(2 ** 31), 2 ** 31 - 1));
  return errors;
}
