/**
 * Every environment field that differs between the compared runs, graded. Informative: the
 * platform being compared (another GPU, CPU, OS, runtime, machine). Caveat: a difference that
 * muddies the ratios (another app version, another host and so another timer, a software adapter
 * against a hardware one, other sweep settings). Fields are flattened generically, so fields that
 * later record versions add (driver versions, timer sources) are diffed without a change here.
 * The calibrated peaks and drift warnings (outside the environment block) are graded apart
 * (calibration-diff.ts).
 */
import type { BackendId } from '../core/backend.js';
import type { RunRecord } from '../record/schema.js';
import { calibrationDiffs } from './calibration-diff.js';
import type { EnvironmentDiff } from './schema.js';

type Grade = Pick<EnvironmentDiff, 'grade' | 'why'>;

/** Settings that decide what was run rather than how: their differences show up as unmatched points. */
const COVERAGE_SETTINGS = new Set(['lengths', 'mixers', 'forms', 'backends']);
/** Fields that always differ between two runs and say nothing about the comparison. */
const IGNORED = new Set(['memory.freeBytes', 'backends']);

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (!IGNORED.has(path)) flatten(v, path, out);
    }
  } else if (value !== undefined) {
    out.set(prefix, typeof value === 'string' ? value : JSON.stringify(value));
  }
}

function gradeOf(field: string, values: readonly (string | null)[]): Grade {
  if (/timer/i.test(field)) return { grade: 'caveat', why: 'another timer source: times are taken with another clock' };
  if (field === 'app.version') return { grade: 'caveat', why: 'another mixscope version: kernels or timing may have changed' };
  if (field === 'host' || /\]\.host$/.test(field)) return { grade: 'caveat', why: 'another host process: timed through another path and clock' };
  if (field.endsWith('.adapter.software')) {
    return values.every((v) => v !== null)
      ? { grade: 'caveat', why: 'a software adapter against a hardware one: a software adapter is never a speed claim' }
      : { grade: 'informative', why: 'a backend without an adapter (CPU) against one with an adapter' };
  }
  if (/\.adapter\./.test(field)) return { grade: 'informative', why: 'another GPU adapter: the point of the comparison' };
  if (field.startsWith('settings.')) {
    return COVERAGE_SETTINGS.has(field.split('.')[1]!)
      ? { grade: 'informative', why: 'what was run: differences show as unmatched points' }
      : { grade: 'caveat', why: 'other sweep settings: samples were taken differently' };
  }
  return { grade: 'informative', why: 'another platform: part of what is compared' };
}

export interface DiffSide {
  readonly record: RunRecord;
  /** The backend this run contributes to the comparison, per pairing. */
  readonly backends: readonly BackendId[];
}

function fieldsOf(side: DiffSide, pairLabels: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  flatten(side.record.environment, '', out);
  const settings = new Map<string, string>();
  for (const [k, v] of Object.entries(side.record.settings)) settings.set(`settings.${k}`, JSON.stringify(v));
  for (const [i, backend] of side.backends.entries()) {
    const probe = side.record.environment.backends.find((b) => b.id === backend);
    const label = `backend[${pairLabels[i]}]`;
    out.set(`${label}.host`, probe?.host ?? 'not probed');
    if (probe?.adapter) flatten(probe.adapter, `${label}.adapter`, out);
  }
  return new Map([...out, ...settings]);
}

/**
 * `sides` in runs order (baseline first); `pairLabels[i]` names the i-th backend pairing
 * (`wgsl`, or `wgsl/js` when the baseline's backend is paired with another).
 */
export function environmentDiff(sides: readonly DiffSide[], pairLabels: readonly string[]): EnvironmentDiff[] {
  const fields = sides.map((s) => fieldsOf(s, pairLabels));
  const names = [...new Set(fields.flatMap((f) => [...f.keys()]))];
  const diffs: EnvironmentDiff[] = [];
  for (const field of names) {
    const values = fields.map((f) => f.get(field) ?? null);
    if (values.every((v) => v === values[0])) continue;
    diffs.push({ field, values: values.map((value, i) => ({ run: sides[i]!.record.id, value })), ...gradeOf(field, values) });
  }
  return [...diffs, ...calibrationDiffs(sides, pairLabels)];
}
