/** The focus curves as plain data: every mixer with a focus row, seeded, with theory where it exists. */
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../core/errors.js';
import { MIXERS } from '../registry.js';
import { focusCurvesByLength, focusCurvesByQueryNorm } from './curves.js';
import { FOCUS_THEORY } from './theory-table.js';

const small = { lengths: [4, 24], qNorms: [1, 3], length: 24, d: 8, dv: 4, state: 4, trials: 4, seed: 9 };

describe('focus curves', () => {
  const byLength = focusCurvesByLength(small);
  const byNorm = focusCurvesByQueryNorm(small);

  it('cover every registered mixer with a focus row, and only those', () => {
    const expected = MIXERS.filter((m) => m.focusRow).map((m) => m.id);
    expect(byLength.map((c) => c.mixer)).toEqual(expected);
    expect(byNorm.map((c) => c.mixer)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['softmax-attention', 'mlstm', 'gau', 'hydra']));
  });

  it('hold one point per requested x, each S in (0, 1]', () => {
    for (const c of byLength) {
      expect(c.points.map((p) => p.L)).toEqual([4, 24]);
      for (const p of c.points) expect(p.S === null || (p.S > 0 && p.S <= 1 + 1e-12)).toBe(true);
    }
    for (const c of byNorm) expect(c.points.map((p) => p.qNorm)).toEqual([1, 3]);
  });

  it('carry the theory exactly where the table has one', () => {
    for (const c of [...byLength, ...byNorm]) {
      const has = c.mixer in FOCUS_THEORY;
      expect(c.theoryLabel !== undefined).toBe(has);
      expect(c.points.every((p) => (p.theory !== undefined) === has)).toBe(true);
    }
  });

  it('are deterministic for a seed and independent of which other mixers are asked for', () => {
    expect(focusCurvesByLength(small)).toEqual(byLength);
    const alone = focusCurvesByQueryNorm({ ...small, mixers: ['gau'] });
    expect(alone[0]).toEqual(byNorm.find((c) => c.mixer === 'gau'));
    expect(focusCurvesByLength({ ...small, seed: 10 })).not.toEqual(byLength);
  });

  it('refuse a mixer without an attention-like row', () => {
    expect(() => focusCurvesByLength({ ...small, mixers: ['fnet'] })).toThrow(MixscopeError);
    expect(() => focusCurvesByLength({ ...small, mixers: ['fnet'] })).toThrow(/fnet has no attention-like row/);
  });
});
