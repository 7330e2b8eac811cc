import { describe, expect, it } from 'vitest';
import { fixtureRun, LINEAR, QUADRATIC } from './fixture-run.js';
import { withAnalysis } from './run-analysis.js';

describe('withAnalysis', () => {
  const scaling = (mixer: string) => (mixer === QUADRATIC.mixer ? ('quadratic' as const) : ('linear' as const));

  it('finds the fits and crossovers of a live run once, from its points', () => {
    const run = withAnalysis(fixtureRun(), scaling);
    expect(run.fits.map((f) => [f.mixer, f.expected, Number(f.exponent.toFixed(6))])).toEqual([
      [QUADRATIC.mixer, 'quadratic', 2],
      [LINEAR.mixer, 'linear', 1],
    ]);
    expect(run.crossovers).toHaveLength(1);
    expect(run.crossovers[0]!.L).toBeCloseTo(256, 6);
  });

  it("keeps a finished record's own analysis", () => {
    const finished = withAnalysis(fixtureRun(), scaling);
    expect(withAnalysis(finished, scaling)).toBe(finished);
  });
});
