import { describe, expect, it } from 'vitest';
import { buildFocusChart } from './focus-chart.js';

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
      ['softmax-attention theory: exp(−σ²‖q‖²/2)', 0, 2],
      ['linear-attention', 1, 2],
    ]);
  });
});
