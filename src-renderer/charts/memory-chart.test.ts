import { describe, expect, it } from 'vitest';
import { buildMemoryChart } from './memory-chart.js';
import { fixtureRun } from './fixture-run.js';

describe('buildMemoryChart', () => {
  it('puts allocated bytes and the cost model in two grids, one series each per curve', () => {
    const option = buildMemoryChart(fixtureRun());
    const series = option.series as { xAxisIndex: number; name: string; data: { value: number[] }[] }[];
    expect(series.filter((s) => s.xAxisIndex === 0)).toHaveLength(2);
    expect(series.filter((s) => s.xAxisIndex === 1)).toHaveLength(2);
    expect(series[0]!.data[0]!.value).toEqual([64, 4 * (4 * 64 * 64 + 64 * 64), 4 * (4 * 64 * 64 + 64 * 64)]);
  });
});
