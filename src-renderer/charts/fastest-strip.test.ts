import { describe, expect, it } from 'vitest';
import { colorAt } from './curves.js';
import { buildFastestStrip, fastestStripHeight, stripBackends } from './fastest-strip.js';
import { fixturePoint, fixtureRun, FIXTURE_LENGTHS, QUADRATIC } from './fixture-run.js';
import type { Cell } from './grid-cells.js';
import { contrast } from './length-colors.js';

const cellsOf = (option: ReturnType<typeof buildFastestStrip>) => (option.series as { data: Cell[] }[])[0]!.data;

describe('buildFastestStrip', () => {
  // A linear-time softmax form that overtakes the materialized one between L = 128 and 256 (0.02·L = 1e-4·L² at L = 200).
  const fused = { ...QUADRATIC, form: 'fused', exponent: 1, coefficient: 0.02 };
  const run = fixtureRun();
  const withFused = { ...run, points: [...run.points, ...FIXTURE_LENGTHS.map((L) => fixturePoint(fused, L))] };

  it('names the fastest form of each mixer at each L, one row per mixer', () => {
    const option = buildFastestStrip(withFused, 'js');
    expect(option.yAxis).toMatchObject({ data: ['softmax-attention', 'linear-attention'] });
    expect(option.xAxis).toMatchObject({ data: ['64', '128', '256', '512'] });
    const rows = [0, 1].map((row) => cellsOf(option).filter((c) => c.value[1] === row).map((c) => c.label));
    expect(rows).toEqual([
      ['materialized', 'materialized', 'fused', 'fused'],
      ['recurrent', 'recurrent', 'recurrent', 'recurrent'],
    ]);
  });

  it("colours a cell by its form within the mixer, gives the runner-up ratio, and points at the form's point", () => {
    const cells = cellsOf(buildFastestStrip(withFused, 'js'));
    const at512 = cells.find((c) => c.value[0] === 3 && c.value[1] === 0)!;
    expect(at512.itemStyle.color).toBe(colorAt(1));
    expect(at512.value[2]).toBeCloseTo(0.02 * 512, 10);
    expect(at512.value[3]).toBeCloseTo((1e-4 * 512 * 512) / (0.02 * 512), 10);
    expect(at512.ref).toBe('softmax-attention|fused|js|512');
    expect(cells.every((c) => contrast(c.textColor, c.itemStyle.color) >= 4.5)).toBe(true);
  });

  it('leaves out points not measured, and backends without points', () => {
    const failed = fixturePoint(QUADRATIC, 1024, { status: 'over-budget', stats: null });
    const option = buildFastestStrip({ ...run, points: [...run.points, failed] }, 'js');
    expect(option.xAxis).toMatchObject({ data: ['64', '128', '256', '512'] });
    expect(stripBackends(run)).toEqual(['js']);
    expect(cellsOf(buildFastestStrip(run, 'wgsl'))).toEqual([]);
    expect(fastestStripHeight(run, 'js')).toBe(150);
  });
});
