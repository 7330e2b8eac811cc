import { describe, expect, it } from 'vitest';
import { MAX_LEGEND_ROWS, legendFor, legendRows, sideBySide, singleGrid } from './layout.js';

describe('chart layout', () => {
  it('counts the rows a wrapping legend takes from its entry names', () => {
    expect(legendRows([])).toBe(1);
    expect(legendRows(['a', 'b', 'c'])).toBe(1);
    // Entries wider than half the legend take a row each; short ones share rows.
    expect(legendRows(Array(5).fill('softmax-attention.materialized · js  L^2.29'))).toBe(5);
    expect(legendRows(Array(10).fill('ssd.chunked'))).toBe(2);
  });

  it('starts the plot below the legend, and side-by-side captions between them', () => {
    const few = [{ type: 'line' as const, name: 'a' }];
    // Three long names wrap into three rows: few enough to show whole.
    const many = Array.from({ length: 3 }, (_, i) => ({ type: 'line' as const, name: `linear-attention.chunked · js  L^1.0${i} (tail 1.0${i})` }));
    expect(singleGrid(many).top).toBeGreaterThan(singleGrid(few).top);
    const layout = sideBySide(many, ['left', 'right']);
    const caption = layout.captions[0]!;
    const grid = layout.grids[0]!;
    expect(caption.top).toBeLessThan(grid.top);
    expect(caption.top).toBeGreaterThan(singleGrid(many).top - 14);
  });

  it('turns a legend of more than a few rows into one scrolling row, so the plot keeps its height', () => {
    const named = (n: number) => Array.from({ length: n }, (_, i) => ({ type: 'line' as const, name: `softmax-attention.materialized · js  L^2.0${i}` }));
    expect(legendFor(named(MAX_LEGEND_ROWS))).toMatchObject({ type: 'plain' });
    expect(legendFor(named(MAX_LEGEND_ROWS + 1))).toMatchObject({ type: 'scroll' });
    expect(singleGrid(named(28)).top).toBe(singleGrid(named(1)).top);
    expect(singleGrid(named(MAX_LEGEND_ROWS)).top).toBeGreaterThan(singleGrid(named(1)).top);
  });
});
