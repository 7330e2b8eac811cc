import { describe, expect, it } from 'vitest';
import { fixturePoint, fixtureRun, FIXTURE_LENGTHS, LINEAR, QUADRATIC } from './fixture-run.js';
import { seriesSummary } from './series-summary.js';
import { values } from './test-helpers.js';
import { buildTimePanel, timeExtent, timePanelMixers } from './time-panels.js';

describe('time small multiples', () => {
  const run = fixtureRun();
  const extent = timeExtent(run)!;

  it('has one panel per mixer, in the order measured, on shared whole-decade axes', () => {
    expect(timePanelMixers(run)).toEqual([QUADRATIC.mixer, LINEAR.mixer]);
    // p10 of the fastest point 0.9·1e-4·64² = 0.369 ms; p90 of the slowest 1.2·0.0256·512 = 15.7 ms.
    expect(extent).toEqual({ L: [64, 512], ms: [0.1, 100] });
    const panel = buildTimePanel(run, LINEAR.mixer, { extent, baseline: run });
    expect(panel.xAxis).toMatchObject({ min: 64, max: 512, type: 'log', logBase: 2 });
    expect(panel.yAxis).toMatchObject({ min: 0.1, max: 100, type: 'log' });
  });

  it("draws only its mixer's curves, with the softmax baseline faint and silent behind them", () => {
    const panel = seriesSummary(buildTimePanel(run, LINEAR.mixer, { extent, baseline: run }));
    expect(panel.map((s) => [s.name, s.type])).toEqual([
      ['baseline · softmax-attention.materialized · js', 'line'],
      ['linear-attention.recurrent · js  L^1.00', 'line'],
      ['linear-attention.recurrent · js  L^1.00', 'custom'],
    ]);
    expect(values(panel[0]!.data)).toEqual(FIXTURE_LENGTHS.map((L) => [L, 1e-4 * L * L]));
    const baseline = buildTimePanel(run, LINEAR.mixer, { extent, baseline: run }).series as { silent?: boolean }[];
    expect(baseline[0]!.silent).toBe(true);
  });

  it('draws no baseline in the softmax panel itself, and none when the run has no softmax points', () => {
    const own = seriesSummary(buildTimePanel(run, QUADRATIC.mixer, { extent, baseline: run }));
    expect(own.some((s) => s.name.startsWith('baseline'))).toBe(false);
    const noSoftmax = { ...run, points: run.points.filter((p) => p.mixer === LINEAR.mixer) };
    expect(seriesSummary(buildTimePanel(noSoftmax, LINEAR.mixer, { extent, baseline: noSoftmax })).map((s) => s.name)).toEqual([
      'linear-attention.recurrent · js  L^1.00',
      'linear-attention.recurrent · js  L^1.00',
    ]);
  });

  it('tags every median with the point it stands for, for the inspector', () => {
    const panel = buildTimePanel(run, LINEAR.mixer, { extent });
    const line = (panel.series as { data: { ref: string }[] }[])[0]!;
    expect(line.data.map((d) => d.ref)).toEqual(FIXTURE_LENGTHS.map((L) => `linear-attention|recurrent|js|${L}`));
  });

  it('has no extent before a point is timed', () => {
    expect(timeExtent({ points: [fixturePoint(LINEAR, 64, { status: 'failed', stats: null })] })).toBeUndefined();
  });
});
