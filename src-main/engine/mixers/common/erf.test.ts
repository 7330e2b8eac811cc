/** erf, erfc, Φ and gelu against tabulated float64 values (absolute error < 1e-15). */
import { describe, expect, it } from 'vitest';
import { erf, erfc, gelu, normalCdf } from './erf.js';

// erf(x) to 16 digits (Abramowitz & Stegun tables, checked against mpmath).
const ERF: readonly [number, number][] = [
  [0, 0],
  [0.1, 0.1124629160182849],
  [0.5, 0.5204998778130465],
  [1, 0.8427007929497149],
  [1.5, 0.9661051464753108],
  [2, 0.9953222650189527],
  [2.9, 0.9999589021219005],
  [3, 0.9999779095030014],
  [3.1, 0.9999883513426328],
  [4, 0.9999999845827421],
];

describe('erf', () => {
  it.each(ERF)('erf(%f) within 1e-15, odd', (x, value) => {
    expect(Math.abs(erf(x) - value)).toBeLessThan(1e-15);
    expect(Math.abs(erf(-x) + value)).toBeLessThan(1e-15);
  });

  it('erfc keeps relative accuracy in the tail', () => {
    expect(erfc(4) / 1.541725790028002e-8 - 1).toBeLessThan(1e-13);
    expect(Math.abs(erfc(5) / 1.5374597944280349e-12 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(erfc(10) / 2.088487583762545e-45 - 1)).toBeLessThan(1e-13);
    expect(Math.abs(erfc(-4) - (2 - 1.541725790028002e-8))).toBeLessThan(1e-15);
  });

  it('is continuous where the series hands over to the continued fraction', () => {
    expect(Math.abs(erf(3 - 1e-12) - erf(3 + 1e-12))).toBeLessThan(1e-15);
  });

  it('Φ and gelu', () => {
    expect(Math.abs(normalCdf(1) - 0.8413447460685429)).toBeLessThan(1e-15);
    expect(Math.abs(gelu(1) - 0.8413447460685429)).toBeLessThan(1e-15);
    expect(Math.abs(gelu(-1) + 0.15865525393145707)).toBeLessThan(1e-15);
    expect(gelu(0)).toBe(0);
    expect(normalCdf(-40)).toBeGreaterThanOrEqual(0);
  });
});
