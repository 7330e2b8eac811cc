import { describe, expect, it } from 'vitest';
import { exponentCiText, exponentLabel } from './fits.js';

describe('exponent CI text', () => {
  it('gives the CIs of a saved fit and says when they are wide', () => {
    expect(exponentCiText({ whole: 1.97, ci: { lo: 1.951, hi: 1.99 }, tail: 2.01, tailCi: { lo: 1.9, hi: 2.2 }, wide: true })).toBe(
      'exponent 1.97 (95% CI 1.95–1.99); tail 2.01 (95% CI 1.90–2.20) — wide CI, not conclusive',
    );
    expect(exponentCiText({ whole: 1.2 })).toBe('');
  });

  it('leaves the legend suffix as it was', () => {
    expect(exponentLabel({ whole: 1.97, tail: 2.01, ci: { lo: 1.9, hi: 2 } })).toBe('  L^1.97 (tail 2.01)');
  });
});
