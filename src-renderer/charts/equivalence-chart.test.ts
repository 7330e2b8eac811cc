import { describe, expect, it } from 'vitest';
import { buildEquivalenceChart, EXACT_FLOOR } from './equivalence-chart.js';
import { fixtureRun } from './fixture-run.js';
import { seriesSummary } from './series-summary.js';
import { values } from './test-helpers.js';

describe('buildEquivalenceChart', () => {
  it('plots the relative error, which the tolerance bounds, with exact matches at the floor', () => {
    const option = buildEquivalenceChart(fixtureRun());
    const summary = seriesSummary(option);
    expect(values(summary[1]!.data)[0]?.[1]).toBe(EXACT_FLOOR);
    expect(values(summary[0]!.data)[0]?.[1]).toBe(1e-7);
    expect(values(summary[0]!.data)[0]?.[2]).toBe(2e-7);
    const tolerance = summary.find((s) => s.name === 'tolerance 1e-4');
    expect(tolerance?.data).toEqual([
      [64, 1e-4],
      [512, 1e-4],
    ]);
  });
});
