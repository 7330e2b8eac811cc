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
    expect(roof!.name).toBe('roof js: 20 GFLOP/s, 10 GB/s');
  });

  it("names the roof's end probe, and a drift over 10% as a change of the machine's speed", () => {
    const run = fixtureRun();
    const at = (peak: number) => {
      const calibration = run.calibration!.map((c) => ({ ...c, end: { peakMatmulGflops: peak, copyGBs: 10 }, drift: peak / c.peakMatmulGflops - 1 }));
      return seriesSummary(buildThroughputChart({ ...run, calibration })).find((s) => s.name.startsWith('roof js'))!.name;
    };
    expect(at(13)).toBe("roof js: 20 GFLOP/s, 10 GB/s; at the end 13 GFLOP/s (35% slower: the machine's speed changed under the run)");
    expect(at(19)).toBe('roof js: 20 GFLOP/s, 10 GB/s; at the end 19 GFLOP/s (5% slower)');
  });
});
