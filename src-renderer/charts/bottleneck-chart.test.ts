import { describe, expect, it } from 'vitest';
import { buildBottleneckChart } from './bottleneck-chart.js';
import { FIXTURE_LENGTHS, fixtureRun } from './fixture-run.js';
import { seriesSummary } from './series-summary.js';
import { values } from './test-helpers.js';

describe('buildBottleneckChart', () => {
  const option = buildBottleneckChart(fixtureRun());
  const summary = seriesSummary(option);

  it('plots each form once, per head, with the reference objects', () => {
    expect(summary.map((s) => s.name)).toEqual([
      'softmax-attention.materialized',
      'linear-attention.recurrent',
      'L×L scores',
      'd×d_v state (64×64)',
      '2·L·d KV cache',
      'N×P state (16×64) = r·D state (16·64)',
    ]);
    expect(values(summary[1]!.data).map((v) => v[1])).toEqual(FIXTURE_LENGTHS.map(() => 4 * 64 * 64));
  });

  it('marks the L = d crossover, where the L×L and d×d_v references meet', () => {
    const mark = (option.series as { markLine?: { data: { xAxis: number }[] } }[])[0]?.markLine;
    expect(mark?.data).toEqual([{ xAxis: 64 }]);
    const scores = values(summary[2]!.data).find((v) => v[0] === 64);
    const state = values(summary[3]!.data).find((v) => v[0] === 64);
    expect(scores?.[1]).toBe(state?.[1]);
  });
});
