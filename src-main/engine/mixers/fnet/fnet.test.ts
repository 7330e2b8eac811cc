/**
 * FNet beyond the conformance test: the FFT plan against a naive DFT at powers of two and at
 * Bluestein lengths, both forms at odd widths d, closed-form inputs and L = 1.
 */
import { describe, expect, it } from 'vitest';
import { createRng, normalArray } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { createFftPlan } from './fft-plan.js';
import { fnet } from './index.js';
import { fnetReference } from './reference.js';

function naiveDft(re: Float64Array, im: Float64Array): [Float64Array, Float64Array] {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const angle = (-2 * Math.PI * ((k * j) % n)) / n;
      outRe[k] = outRe[k]! + re[j]! * Math.cos(angle) - im[j]! * Math.sin(angle);
      outIm[k] = outIm[k]! + re[j]! * Math.sin(angle) + im[j]! * Math.cos(angle);
    }
  }
  return [outRe, outIm];
}

describe('fnet', () => {
  it.each([1, 2, 3, 5, 8, 37, 64, 130, 257])('the length-%i FFT equals the naive DFT (f64 1e-12, f32 1e-5)', (n) => {
    const rng = createRng(n);
    const re = normalArray(rng, n);
    const im = normalArray(rng, n);
    const [expRe, expIm] = naiveDft(re, im);
    const expected = tensor([2, n], Float64Array.from([...expRe, ...expIm]));
    for (const [dtype, tol] of [['float64', 1e-12], ['float32', 1e-5]] as const) {
      const plan = createFftPlan(n, dtype);
      const r = dtype === 'float32' ? Float32Array.from(re) : re.slice();
      const i = dtype === 'float32' ? Float32Array.from(im) : im.slice();
      plan.forward(r, i);
      const got = tensor([2, n], Float64Array.from([...r, ...i]));
      expect(relativeError(got, expected).relative).toBeLessThan(tol);
    }
  });

  it.each([
    [1, 5],
    [37, 12],
    [130, 3],
    [16, 1],
  ])('both forms match the reference at L = %i, d = %i', (L, d) => {
    const x = fnet.randomInputs({ L, d }, createRng(L * 100 + d), {});
    const reference = fnetReference(x, {});
    for (const form of fnet.forms) {
      expect(relativeError(form.run(x, {}, 'float64'), reference).relative).toBeLessThan(1e-10);
      expect(relativeError(form.run(x, {}, 'float32'), reference).relative).toBeLessThan(1e-5);
    }
  });

  it('an impulse at (0, 0) gives all ones; a constant gives L·d at (0, 0) only', () => {
    const L = 6;
    const d = 5;
    const impulse = new Float64Array(L * d);
    impulse[0] = 1;
    const ones = new Float64Array(L * d).fill(1);
    for (const form of fnet.forms) {
      const y1 = form.run({ X: tensor([L, d], impulse) }, {}, 'float64').data;
      expect(y1.every((v) => Math.abs(v - 1) < 1e-13)).toBe(true);
      const y2 = form.run({ X: tensor([L, d], ones) }, {}, 'float64').data;
      expect(Math.abs(y2[0]! - L * d)).toBeLessThan(1e-12);
      expect(y2.slice(1).every((v) => Math.abs(v) < 1e-12)).toBe(true);
    }
  });

  it('L = 1: Y is the real part of the hidden DFT', () => {
    const x = fnet.randomInputs({ L: 1, d: 6 }, createRng(2), {});
    const [re] = naiveDft(Float64Array.from(x['X']!.data), new Float64Array(6));
    for (const form of fnet.forms) {
      expect(relativeError(form.run(x, {}, 'float64'), tensor([1, 6], re)).relative).toBeLessThan(1e-13);
    }
  });
});
