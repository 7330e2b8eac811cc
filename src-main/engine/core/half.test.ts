import { describe, expect, it } from 'vitest';
import { fromHalfBits, packHalf, roundArrayToHalf, roundToHalf, toHalfBits, unpackHalf } from './half.js';

/** An independent decoder: the pattern's value by the textbook formula, in doubles. */
function decode(bits: number): number {
  const s = bits >> 15 ? -1 : 1;
  const e = (bits >> 10) & 31;
  const f = bits & 1023;
  if (e === 31) return f ? NaN : s * Infinity;
  return e === 0 ? s * (f / 1024) * Math.pow(2, -14) : s * (1 + f / 1024) * Math.pow(2, e - 15);
}

describe('f16 conversion', () => {
  it('decodes all 65536 patterns as the textbook formula does, and each round-trips to its own pattern', () => {
    let nans = 0;
    for (let bits = 0; bits < 0x10000; bits++) {
      const value = fromHalfBits(bits);
      const expected = decode(bits);
      if (Number.isNaN(expected)) {
        if (!Number.isNaN(value) || !Number.isNaN(fromHalfBits(toHalfBits(value)))) expect.fail(`NaN pattern ${bits.toString(16)}`);
        nans++;
        continue;
      }
      if (!Object.is(value, expected)) expect.fail(`pattern ${bits.toString(16)} decoded as ${value}, not ${expected}`);
      // -0 keeps its sign bit; every other pattern maps back to itself.
      if (toHalfBits(value) !== bits) expect.fail(`pattern ${bits.toString(16)} (${value}) came back as ${toHalfBits(value).toString(16)}`);
    }
    expect(nans).toBe(2 * 1023);
  });

  it('rounds halfway cases to the even neighbour and anything past halfway away from it', () => {
    // Between 1 and its successor 1 + 2^-10: the midpoint goes to 1 (even), a hair above goes up.
    expect(roundToHalf(1 + 2 ** -11)).toBe(1);
    expect(roundToHalf(1 + 2 ** -11 + 2 ** -30)).toBe(1 + 2 ** -10);
    expect(roundToHalf(1 + 2 ** -11 - 2 ** -30)).toBe(1);
    // Between 1 + 2^-10 (odd) and 1 + 2^-9 (even): the midpoint goes up to the even one.
    expect(roundToHalf(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9);
    expect(roundToHalf(-(1 + 3 * 2 ** -11))).toBe(-(1 + 2 ** -9));
    // A double just above a tie that float32 would round onto the tie still rounds up.
    expect(roundToHalf(1 + 2 ** -11 + 2 ** -40)).toBe(1 + 2 ** -10);
    expect(roundToHalf(1 + 2 ** -11 - 2 ** -40)).toBe(1);
  });

  it('rounds every midpoint between neighbouring finite f16s to the even one', () => {
    for (let bits = 0; bits < 0x7bff; bits++) {
      const lo = fromHalfBits(bits);
      const hi = fromHalfBits(bits + 1);
      const even = bits % 2 === 0 ? bits : bits + 1;
      if (toHalfBits((lo + hi) / 2) !== even) expect.fail(`midpoint of ${lo} and ${hi} went to ${toHalfBits((lo + hi) / 2)}`);
    }
  });

  it('handles subnormals, the subnormal-normal boundary and underflow to zero', () => {
    expect(roundToHalf(2 ** -24)).toBe(2 ** -24);
    expect(toHalfBits(2 ** -24)).toBe(0x0001);
    expect(roundToHalf(2 ** -25)).toBe(0); // a tie with zero: zero is even
    expect(roundToHalf(2 ** -25 * 1.0001)).toBe(2 ** -24);
    expect(roundToHalf(3 * 2 ** -25)).toBe(2 ** -23); // tie between 1 and 2 subnormal units: even is 2
    expect(roundToHalf(2 ** -26)).toBe(0);
    expect(Object.is(roundToHalf(-(2 ** -30)), -0)).toBe(true);
    expect(toHalfBits(2 ** -14 - 2 ** -25)).toBe(0x0400); // the largest subnormal's upper tie carries to 2^-14
    expect(toHalfBits(1023 * 2 ** -24)).toBe(0x03ff);
  });

  it('overflows to Inf past 65520, keeps 65504, and keeps NaN and Inf', () => {
    expect(roundToHalf(65504)).toBe(65504);
    expect(roundToHalf(65519)).toBe(65504);
    expect(roundToHalf(65520)).toBe(Infinity); // the tie with 2^16 rounds to the even (infinite) side
    expect(roundToHalf(-1e6)).toBe(-Infinity);
    expect(roundToHalf(Infinity)).toBe(Infinity);
    expect(toHalfBits(-Infinity)).toBe(0xfc00);
    expect(Number.isNaN(roundToHalf(NaN))).toBe(true);
    expect(toHalfBits(NaN) & 0x7c00).toBe(0x7c00);
    expect(toHalfBits(NaN) & 0x3ff).not.toBe(0);
  });

  it('rounds within half a unit in the last place across the range (random doubles)', () => {
    let seed = 12345;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20000; i++) {
      const x = (next() - 0.5) * 2 ** (Math.floor(next() * 40) - 24);
      const r = roundToHalf(x);
      const bits = toHalfBits(Math.abs(x));
      const ulp = Math.abs(fromHalfBits(bits | 1) - fromHalfBits(bits & ~1)) || 2 ** -24;
      expect(Math.abs(r - x)).toBeLessThanOrEqual(ulp / 2);
    }
  });

  it('packs and unpacks arrays, and rounds a Float32Array in place of a new one', () => {
    const values = [0, 1, -2.5, 0.1, 65504, 1e-7];
    const packed = packHalf(values);
    expect([...packed]).toEqual(values.map(toHalfBits));
    expect([...unpackHalf(packed)]).toEqual([...roundArrayToHalf(values)]);
    expect(roundArrayToHalf(values)[3]).toBe(Math.fround(roundToHalf(0.1)));
    expect(roundToHalf(0.1)).toBe(0.0999755859375);
  });
});
