import { describe, expect, it } from 'vitest';
import { buildThroughputChart } from './throughput-chart.js';
import { fixtureRun } from './fixture-run.js';
import { seriesSummary } from './series-summary.js';
import { values } from './test-helpers.js';

describe('buildThroughputChart', () => {
  it('plots tokens/s vs L and the achieved rate under the calibrated roof', () => {
    const summary = seriesSummary(buildThroughputChart(fixtureRun()));
    const tokens = values(summary[0]!.data);
    expect(tokens[0]).toEqual([64, 64 / (1e-4 * 64 * 64 / 1000), expect.any(Number)]);
    const roof = summary.find((s) => s.name.startsWith('roof js'));
    const ys = values(roof!.data).map((v) => v[1]!);
    expect(Math.max(...ys)).toBe(20);
    expect(summary.filter((s) => s.type === 'scatter')).toHaveLength(2);
  });
});
