import { describe, expect, it } from 'vitest';
import { buildBottleneckChart } from './bottleneck-chart.js';
import { crossoverRows } from './crossover-rows.js';
import { buildEquivalenceChart, EXACT_FLOOR } from './equivalence-chart.js';
import { FIXTURE_LENGTHS, fixturePoint, fixtureRun, LINEAR, QUADRATIC } from './fixture-run.js';
import { buildFocusChart } from './focus-chart.js';
import { buildMemoryChart } from './memory-chart.js';
import { seriesSummary } from './series-summary.js';
import { buildThroughputChart } from './throughput-chart.js';
import { buildTimeChart } from './time-chart.js';

const byName = (option: ReturnType<typeof buildTimeChart>, prefix: string) => seriesSummary(option).filter((s) => s.name.startsWith(prefix));
const values = (data: unknown[]): number[][] => data.map((d) => (Array.isArray(d) ? d : (d as { value: number[] }).value));

describe('buildTimeChart', () => {
  const option = buildTimeChart(fixtureRun());

  it('draws one median line and one p10–p90 band per curve, named with the fitted exponent', () => {
    const quad = byName(option, 'softmax-attention.materialized · js');
    expect(quad.map((s) => [s.name, s.type])).toEqual([
      ['softmax-attention.materialized · js  L^2.00', 'line'],
      ['softmax-attention.materialized · js  L^2.00', 'custom'],
    ]);
    expect(byName(option, 'linear-attention.recurrent · js')[0]?.name).toBe('linear-attention.recurrent · js  L^1.00');
    expect(values(quad[0]!.data).map((v) => v.slice(0, 2))).toEqual(FIXTURE_LENGTHS.map((L) => [L, 1e-4 * L * L]));
    // Band segments: [L0, p10, p90, L1, p10, p90] between neighbouring lengths.
    expect(quad[1]!.points).toBe(FIXTURE_LENGTHS.length - 1);
  });

  it('prefers the saved fit of a finished record over a live refit', () => {
    const run = { ...fixtureRun(), fits: [{ mixer: QUADRATIC.mixer, form: QUADRATIC.form, backend: 'js' as const, expected: 'quadratic' as const, exponent: 1.5, intercept: 0, r2: 1, points: 4 }] };
    expect(byName(buildTimeChart(run), 'softmax')[0]?.name).toContain('L^1.50');
  });

  it('draws dashed theory slopes 1 and 2 over the measured range', () => {
    const slopes = seriesSummary(option).filter((s) => s.name.startsWith('theory'));
    expect(slopes.map((s) => s.name)).toEqual(['theory ∝ L', 'theory ∝ L^2']);
    const [lo, hi] = values(slopes[1]!.data);
    expect(Math.log(hi![1]! / lo![1]!) / Math.log(hi![0]! / lo![0]!)).toBeCloseTo(2, 10);
  });

  it('leaves out points that were not measured', () => {
    const run = fixtureRun();
    const skipped = fixturePoint(QUADRATIC, 1024, { status: 'over-budget', stats: null });
    const withSkip = buildTimeChart({ ...run, points: [...run.points, skipped] });
    expect(byName(withSkip, 'softmax')[0]?.points).toBe(FIXTURE_LENGTHS.length);
  });

  it('keeps its structure', () => {
    expect(JSON.parse(JSON.stringify(option))).toMatchSnapshot();
  });
});

describe('buildMemoryChart', () => {
  it('puts allocated bytes and the cost model in two grids, one series each per curve', () => {
    const option = buildMemoryChart(fixtureRun());
    const series = option.series as { xAxisIndex: number; name: string; data: { value: number[] }[] }[];
    expect(series.filter((s) => s.xAxisIndex === 0)).toHaveLength(2);
    expect(series.filter((s) => s.xAxisIndex === 1)).toHaveLength(2);
    expect(series[0]!.data[0]!.value).toEqual([64, 4 * (4 * 64 * 64 + 64 * 64), 4 * (4 * 64 * 64 + 64 * 64)]);
  });
});

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
      'N×P state (16×64)',
      'r·D state (16·64)',
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

describe('buildEquivalenceChart', () => {
  it('shows exact matches at the floor and the tolerance line', () => {
    const option = buildEquivalenceChart(fixtureRun());
    const summary = seriesSummary(option);
    expect(values(summary[1]!.data)[0]?.[1]).toBe(EXACT_FLOOR);
    expect(values(summary[0]!.data)[0]?.[1]).toBe(2e-7);
    expect((option.series as { markLine?: { data: unknown[] } }[])[0]?.markLine?.data).toEqual([{ yAxis: 1e-4 }]);
  });
});

describe('buildFocusChart', () => {
  it('draws measured and theory curves per mixer on the L and ‖q‖ panels, skipping NaN', () => {
    const option = buildFocusChart({
      curves: [
        { mixer: 'softmax-attention', axis: 'length', measured: { x: [8, 16], sparsity: [0.5, null] }, theory: { x: [8, 16], sparsity: [0.4, 0.3], label: 'exp(−σ²‖q‖²/2)' } },
        { mixer: 'linear-attention', axis: 'qNorm', measured: { x: [0, 1], sparsity: [0.79, 0.8] } },
      ],
    });
    const series = option.series as { name: string; xAxisIndex: number; data: number[][] }[];
    expect(series.map((s) => [s.name, s.xAxisIndex, s.data.length])).toEqual([
      ['softmax-attention', 0, 1],
      ['softmax-attention', 0, 2],
      ['linear-attention', 1, 2],
    ]);
  });
});

describe('crossoverRows', () => {
  it('finds where the linear form overtakes the quadratic one during a sweep', () => {
    const rows = crossoverRows(fixtureRun());
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ backend: 'js', faster: 'linear-attention.recurrent', slower: 'softmax-attention.materialized' });
    expect(rows[0]!.L).toBeCloseTo(256, 6);
    expect(rows[0]!.when).toBe('from L ≈ 256');
  });

  it('uses the crossovers saved in a finished record', () => {
    const run = { ...fixtureRun(), crossovers: [{ backend: 'js' as const, faster: { mixer: 'a', form: 'x' }, slower: { mixer: 'b', form: 'y' }, status: 'always' as const, L: null }] };
    expect(crossoverRows(run)).toEqual([{ backend: 'js', faster: 'a.x', slower: 'b.y', when: 'whole measured range', L: 0 }]);
  });

  it('has nothing to say about a single curve', () => {
    const run = fixtureRun();
    expect(crossoverRows({ ...run, points: run.points.filter((p) => p.mixer === LINEAR.mixer) })).toEqual([]);
  });
});
