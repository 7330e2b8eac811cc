import { describe, expect, it } from 'vitest';
import { crossoverRows } from './crossover-rows.js';
import { fixtureRun, LINEAR } from './fixture-run.js';

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
