/**
 * `mixscope run` flags → SweepSettings: a preset (default or --quick) with every given flag laid
 * over it, then the same validation the app uses.
 */
import { MixscopeError } from '../engine/core/errors.js';
import { MIXERS, getMixer } from '../engine/registry.js';
import { DEFAULT_SWEEP_SETTINGS, QUICK_SWEEP_SETTINGS, type SweepSettings } from '../engine/sweep/settings.js';
import { validateSweepSettings } from '../engine/sweep/validate.js';
import { bytesFlag, dtypeFlag, intFlag, keyValueFlags, listFlag, numberFlag } from './args.js';
import { checkBackendId } from './backends.js';

export const RUN_OPTIONS = {
  quick: { type: 'boolean' },
  mixers: { type: 'string' },
  forms: { type: 'string' },
  lengths: { type: 'string' },
  backends: { type: 'string' },
  dtype: { type: 'string' },
  reps: { type: 'string' },
  warmup: { type: 'string' },
  'min-time': { type: 'string' },
  'time-budget': { type: 'string' },
  'memory-budget': { type: 'string' },
  d: { type: 'string' },
  dv: { type: 'string' },
  state: { type: 'string' },
  heads: { type: 'string' },
  batch: { type: 'string' },
  seed: { type: 'string' },
  param: { type: 'string', multiple: true },
  'no-verify': { type: 'boolean' },
  'no-calibrate': { type: 'boolean' },
  out: { type: 'string' },
} as const;

export type RunFlags = Partial<Record<Exclude<keyof typeof RUN_OPTIONS, 'param' | 'quick' | 'no-verify' | 'no-calibrate'>, string>> & {
  quick?: boolean;
  'no-calibrate'?: boolean;
  'no-verify'?: boolean;
  param?: string[];
};

/** `--forms fused,linear-attention:chunked`: a bare form applies to every selected mixer that has it. */
function formsSelection(raw: string[] | undefined, mixerIds: readonly string[]): Record<string, string[]> {
  if (!raw) return {};
  const out: Record<string, string[]> = Object.fromEntries(mixerIds.map((id) => [id, []]));
  for (const entry of raw) {
    const [mixerId, formId] = entry.includes(':') ? entry.split(':', 2) : [undefined, entry];
    const targets = mixerId ? [getMixer(mixerId)] : mixerIds.map(getMixer).filter((m) => m.forms.some((f) => f.id === formId));
    if (targets.length === 0) throw new MixscopeError(`--forms: no selected mixer has a form '${formId}'`);
    for (const m of targets) (out[m.id] ??= []).push(formId!);
  }
  return out;
}

/** `--param retention.lambda=0.9`: parameters are per mixer. */
function paramsSelection(raw: string[] | undefined): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [key, value] of keyValueFlags('param', raw)) {
    const dot = key.lastIndexOf('.');
    if (dot <= 0) throw new MixscopeError(`--param takes mixer.name=value (e.g. retention.lambda=0.9); got '${key}=${value}'`);
    (out[key.slice(0, dot)] ??= {})[key.slice(dot + 1)] = value;
  }
  return out;
}

export function settingsFromFlags(flags: RunFlags): SweepSettings {
  const base = flags.quick ? QUICK_SWEEP_SETTINGS : DEFAULT_SWEEP_SETTINGS;
  const mixers = listFlag(flags.mixers) ?? [];
  for (const id of mixers) getMixer(id);
  const lengths = listFlag(flags.lengths)?.map((l) => intFlag('lengths', l)!);
  const backends = listFlag(flags.backends)?.map(checkBackendId);
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  return validateSweepSettings({
    ...base,
    lengths: pick(lengths, base.lengths),
    d: pick(intFlag('d', flags.d), base.d),
    dv: pick(intFlag('dv', flags.dv), base.dv),
    state: pick(intFlag('state', flags.state), base.state),
    heads: pick(intFlag('heads', flags.heads), base.heads),
    batch: pick(intFlag('batch', flags.batch), base.batch),
    dtype: pick(dtypeFlag(flags.dtype), base.dtype),
    warmup: pick(intFlag('warmup', flags.warmup, 0), base.warmup),
    repetitions: pick(intFlag('reps', flags.reps), base.repetitions),
    minTimeMs: pick(numberFlag('min-time', flags['min-time']), base.minTimeMs),
    timeBudgetMs: pick(numberFlag('time-budget', flags['time-budget'], 1e-3), base.timeBudgetMs),
    memoryBudgetBytes: pick(bytesFlag('memory-budget', flags['memory-budget']), base.memoryBudgetBytes),
    seed: pick(intFlag('seed', flags.seed, 0), base.seed),
    mixers,
    forms: formsSelection(listFlag(flags.forms), mixers.length > 0 ? mixers : MIXERS.map((m) => m.id)),
    params: paramsSelection(flags.param),
    backends: pick(backends, base.backends),
    verify: !flags['no-verify'],
    calibrate: !flags['no-calibrate'],
  });
}
