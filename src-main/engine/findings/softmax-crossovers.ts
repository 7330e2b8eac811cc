/**
 * Where each linear-time form overtakes softmax attention: the L from which it beats every
 * softmax form measured on the same backend (the last of those crossings), with the crossover's
 * confidence interval when the record carries one.
 */
import type { Scaling } from '../core/mixer.js';
import type { Crossover } from '../record/schema.js';
import { BASELINE_MIXER, curvesOf, findCrossovers } from '../sweep/analysis.js';
import { crossoverIntervalText, formatL, listed, plural } from './text.js';
import { curveName, type Finding, type FindingsOptions, type FindingsRun } from './types.js';

interface Against {
  readonly softmaxForm: string;
  /** 0: faster at every common L; Infinity: not faster at the largest common L. */
  readonly L: number;
  /** The crossover's interval as text, when the record has one. */
  readonly ci: string;
}

function against(c: Crossover, mixer: string, form: string): Against | undefined {
  const mine = (side: Crossover['faster']) => side.mixer === mixer && side.form === form;
  const other = mine(c.faster) ? c.slower : mine(c.slower) ? c.faster : undefined;
  if (!other || other.mixer !== BASELINE_MIXER) return undefined;
  if (!mine(c.faster) || c.status === 'never') return { softmaxForm: other.form, L: Number.POSITIVE_INFINITY, ci: '' };
  return { softmaxForm: other.form, L: c.status === 'always' ? 0 : (c.L ?? 0), ci: crossoverIntervalText(c) };
}

function sentence(name: string, rows: readonly Against[], longest: number): { text: string; L: number } {
  const behind = rows.filter((r) => r.L === Number.POSITIVE_INFINITY);
  const last = [...rows].sort((a, b) => b.L - a.L).find((r) => r.L !== Number.POSITIVE_INFINITY);
  if (behind.length === rows.length) return { text: `${name} does not overtake softmax attention up to L = ${longest}.`, L: Number.POSITIVE_INFINITY };
  if (behind.length > 0) {
    const beaten = rows.filter((r) => r.L !== Number.POSITIVE_INFINITY).map((r) => r.softmaxForm);
    return { text: `${name} beats softmax ${listed(beaten)} but not ${listed(behind.map((r) => r.softmaxForm))} up to L = ${longest}.`, L: Number.POSITIVE_INFINITY };
  }
  if (!last || last.L === 0) return { text: `${name} is faster than softmax attention at every measured L.`, L: 0 };
  return { text: `${name} overtakes softmax attention from L ≈ ${formatL(last.L)}${last.ci} (its ${last.softmaxForm} form is the last beaten).`, L: last.L };
}

export function softmaxCrossoverFindings(run: FindingsRun, options: FindingsOptions = {}): Finding[] {
  const crossovers = run.crossovers.length > 0 ? run.crossovers : findCrossovers(curvesOf(run.points));
  const scaling = (mixer: string, form: string): Scaling | null | undefined =>
    options.scaling?.(mixer, form) ?? run.fits.find((f) => f.mixer === mixer && f.form === form)?.expected;
  const backends = [...new Set(crossovers.map((c) => c.backend))];
  return backends.flatMap((backend) => {
    const here = crossovers.filter((c) => c.backend === backend);
    const longest = Math.max(0, ...run.points.filter((p) => p.backend === backend && p.status === 'ok').map((p) => p.L));
    const forms = new Map<string, { mixer: string; form: string }>();
    for (const c of here) for (const side of [c.faster, c.slower]) if (side.mixer !== BASELINE_MIXER) forms.set(curveName(side.mixer, side.form), side);
    const rows = [...forms.values()]
      .filter((f) => scaling(f.mixer, f.form) !== 'quadratic')
      .map((f) => ({ f, ...sentence(curveName(f.mixer, f.form), here.flatMap((c) => against(c, f.mixer, f.form) ?? []), longest) }))
      .filter((r) => r.text !== '')
      .sort((a, b) => a.L - b.L);
    if (rows.length === 0) return [];
    const crossing = rows.filter((r) => r.L > 0 && r.L !== Number.POSITIVE_INFINITY);
    const always = rows.filter((r) => r.L === 0).length;
    const never = rows.filter((r) => r.L === Number.POSITIVE_INFINITY).length;
    const parts = [
      crossing.length > 0
        ? `${plural(crossing.length, 'linear-time form')} overtake${crossing.length === 1 ? 's' : ''} softmax attention, from L ≈ ${formatL(crossing[0]!.L)} (${curveName(crossing[0]!.f.mixer, crossing[0]!.f.form)})` +
          (crossing.length > 1 ? ` to L ≈ ${formatL(crossing[crossing.length - 1]!.L)} (${curveName(crossing[crossing.length - 1]!.f.mixer, crossing[crossing.length - 1]!.f.form)})` : '')
        : '',
      always > 0 ? `${plural(always, 'form')} beat${always === 1 ? 's' : ''} it at every measured L` : '',
      never > 0 ? `${plural(never, 'form')} ${never === 1 ? 'does' : 'do'} not overtake it up to L = ${longest}` : '',
    ].filter((p) => p !== '');
    return [
      {
        kind: 'crossover' as const,
        chart: 'crossovers' as const,
        text: `Against softmax attention on ${backend}: ${listed(parts)}.`,
        details: rows.map((r) => r.text),
        curves: rows.map((r) => curveName(r.f.mixer, r.f.form, backend)),
      },
    ];
  });
}
