/**
 * Fits whose exponent is far from the form's declared scaling: L^2 for quadratic forms, L^1 for
 * linear ones (and L log L, whose slope over the measured range stays close to 1). The tail fit,
 * past the fixed overheads, is the one judged when the record has it.
 */
import type { Scaling } from '../core/mixer.js';
import type { Fit } from '../record/schema.js';
import { curvesOf, fitCurves } from '../sweep/analysis.js';
import { intervalOf, intervalText, listed, plural } from './text.js';
import { curveName, type Finding, type FindingsOptions, type FindingsRun } from './types.js';

/** Exponents further than this from the declared one are reported. */
export const EXPONENT_SLACK = 0.3;

const DECLARED: Record<Scaling, { exponent: number; label: string }> = {
  quadratic: { exponent: 2, label: 'L^2' },
  linear: { exponent: 1, label: 'L' },
  linearithmic: { exponent: 1, label: 'L log L' },
};

const exp = (x: number) => x.toFixed(2);

export function exponentFindings(run: FindingsRun, options: FindingsOptions = {}): Finding[] {
  const declared = (mixer: string, form: string, fit?: Fit): Scaling | null | undefined => options.scaling?.(mixer, form) ?? fit?.expected;
  const fits = run.fits.length > 0 ? run.fits : fitCurves(curvesOf(run.points), (c) => declared(c.mixer, c.form) ?? null);
  const judged = fits.flatMap((fit) => {
    const scaling = declared(fit.mixer, fit.form, fit);
    if (!scaling) return [];
    const measured = fit.tail?.exponent ?? fit.exponent;
    const want = DECLARED[scaling];
    // Linearithmic growth has a local slope a little above 1 over any finite range.
    const off = scaling === 'linearithmic' ? (measured < want.exponent ? want.exponent - measured : Math.max(0, measured - 1.2)) : Math.abs(measured - want.exponent);
    return [{ fit, measured, want, off }];
  });
  if (judged.length === 0) return [];
  const far = judged.filter((j) => j.off > EXPONENT_SLACK).sort((a, b) => b.off - a.off);
  const name = (f: Fit) => curveName(f.mixer, f.form, f.backend);
  const text =
    far.length === 0
      ? `Every fitted exponent lies within ${EXPONENT_SLACK} of its form's declared scaling (${plural(judged.length, 'fit')}).`
      : `${plural(far.length, 'fit')} of ${judged.length} ${far.length === 1 ? 'is' : 'are'} far from the declared scaling: ${listed(far.slice(0, 3).map((j) => `${name(j.fit)} grows as L^${exp(j.measured)}, declared ${j.want.label}`))}${far.length > 3 ? ', and more' : ''}.`;
  const details = far.map(({ fit, want }) => {
    const ci = intervalText(intervalOf(fit), exp) + (fit.wide ? ' (CI wide: not to be read alone)' : '');
    const tail = fit.tail ? `, L^${exp(fit.tail.exponent)} from L = ${fit.tail.fromL}` : '';
    return `${name(fit)}: L^${exp(fit.exponent)}${ci} over all lengths${tail}; declared ${want.label}.`;
  });
  return [{ kind: 'exponent', chart: 'time', text, details, curves: far.map((j) => name(j.fit)) }];
}
