import { describe, expect, it } from 'vitest';
import { fixtureRun, LINEAR, QUADRATIC } from './fixture-run.js';
import { filterChoices, filterRun, SHOW_ALL } from './run-filter.js';
import { buildTimeChart } from './time-chart.js';
import { seriesSummary } from './series-summary.js';

describe('filterRun', () => {
  const run = {
    ...fixtureRun(),
    fits: [{ mixer: QUADRATIC.mixer, form: QUADRATIC.form, backend: 'js' as const, expected: 'quadratic' as const, exponent: 2, intercept: 0, r2: 1, points: 4 }],
    crossovers: [{ backend: 'js' as const, faster: { mixer: LINEAR.mixer, form: LINEAR.form }, slower: { mixer: QUADRATIC.mixer, form: QUADRATIC.form }, status: 'crosses' as const, L: 256 }],
  };

  it('returns the run itself when nothing is hidden', () => {
    expect(filterRun(run, SHOW_ALL)).toBe(run);
  });

  it("keeps one mixer's points and fits, and drops crossovers with a hidden side", () => {
    const only = filterRun(run, { ...SHOW_ALL, hiddenMixers: new Set([QUADRATIC.mixer]) });
    expect(new Set(only.points.map((p) => p.mixer))).toEqual(new Set([LINEAR.mixer]));
    expect(only.fits).toEqual([]);
    expect(only.crossovers).toEqual([]);
    const names = seriesSummary(buildTimeChart(only)).map((s) => s.name).filter((n) => !n.startsWith('theory'));
    expect(names.every((n) => n.startsWith(LINEAR.mixer))).toBe(true);
  });

  it('hides single forms and whole backends', () => {
    expect(filterRun(run, { ...SHOW_ALL, hiddenForms: new Set(['linear-attention.recurrent']) }).points.every((p) => p.mixer === QUADRATIC.mixer)).toBe(true);
    const none = filterRun(run, { ...SHOW_ALL, hiddenBackends: new Set(['js']) });
    expect([none.points.length, none.crossovers.length, none.calibration?.length]).toEqual([0, 0, 0]);
  });

  it('lists the mixers with their forms, and the backends, for the chips', () => {
    expect(filterChoices(run)).toEqual({ mixers: [{ id: QUADRATIC.mixer, forms: ['materialized'] }, { id: LINEAR.mixer, forms: ['recurrent'] }], backends: ['js'] });
  });
});
