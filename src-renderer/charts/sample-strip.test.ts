import { describe, expect, it } from 'vitest';
import { fixturePoint, LINEAR } from './fixture-run.js';
import { buildSampleStrip, jitter, sampleMarkers } from './sample-strip.js';
import { seriesSummary } from './series-summary.js';
import { values } from './test-helpers.js';

describe('buildSampleStrip', () => {
  const point = fixturePoint(LINEAR, 256, { samplesMs: [6.1, 6.5, 6.4, 9.9], gpuSamplesMs: [] });

  it('draws every wall-time sample once, in order, spread within its row', () => {
    const [wall, ...rest] = seriesSummary(buildSampleStrip(point));
    expect(rest).toEqual([]);
    expect(wall!.name).toBe('wall time (4 samples)');
    const drawn = values(wall!.data);
    expect(drawn.map((v) => v[0])).toEqual([6.1, 6.5, 6.4, 9.9]);
    expect(drawn.map((v) => v[2])).toEqual([1, 2, 3, 4]);
    expect(drawn.every((v) => Math.abs(v[1]!) <= 0.3)).toBe(true);
    expect(new Set(drawn.map((v) => v[1])).size).toBe(4);
  });

  it('adds a device-time row where the backend timed the device', () => {
    const option = buildSampleStrip({ ...point, gpuSamplesMs: [5, 5.2] });
    const device = seriesSummary(option)[1]!;
    expect(device.name).toBe('device time (2 samples)');
    expect(values(device.data).every((v) => Math.abs(v[1]! - 1) <= 0.3 + 1e-12)).toBe(true);
  });

  it("marks the median with p10–p90, or with the median's confidence interval when the record has one", () => {
    const { p50, p10, p90 } = point.stats!;
    expect(sampleMarkers(point).map((m) => [m.label, m.x])).toEqual([['median', p50], ['p10', p10], ['p90', p90]]);
    const withCi = { ...point, ci: { lo: 6.2, hi: 6.6 } };
    expect(sampleMarkers(withCi).map((m) => [m.label, m.x])).toEqual([['median', p50], ['CI low', 6.2], ['CI high', 6.6]]);
    expect(sampleMarkers({ ...point, stats: null })).toEqual([]);
    const sampling = { warmupRuns: 3, visits: 1, stop: 'ci-reached' as const, target: 0.02, medianCi: { lo: 6.3, hi: 6.5, level: 0.95 }, outliers: { low: 0, high: 1, fences: [5, 8] as [number, number] }, modes: [], multimodal: false };
    expect(sampleMarkers({ ...point, sampling }).map((m) => [m.label, m.x])).toEqual([['median', p50], ['CI low', 6.3], ['CI high', 6.5]]);
  });

  it('spreads the same way every time', () => {
    expect([0, 1, 2].map(jitter)).toEqual([0, 1, 2].map(jitter));
  });
});
