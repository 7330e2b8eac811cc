/** SSD beyond the conformance test: the three forms against each other, chunk sizes, tiny gates, costs. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { ssd as mixer } from './index.js';

const form = (id: string) => mixer.forms.find((f) => f.id === id)!;

function inputsAt(L: number, seed = 51) {
  return mixer.randomInputs(mixer.dims({ L, d: 8, dv: 6, state: 4 }, {}), createRng(seed), {});
}

describe('ssd', () => {
  it.each([1, 5, 16, 64].flatMap((chunk) => [1, 37, 130].map((L) => [chunk, L] as const)))(
    'chunk %i at L=%i: quadratic, scan and chunked agree with each other and the reference',
    (chunk, L) => {
      const inputs = inputsAt(L);
      const params = resolveParams(mixer, { chunk });
      const reference = mixer.reference(inputs, params);
      const scan = form('scan').run(inputs, params, 'float64');
      const quadratic = form('quadratic').run(inputs, params, 'float64');
      const chunked = form('chunked').run(inputs, params, 'float64');
      expect(relativeError(chunked, scan).relative).toBeLessThan(1e-12);
      expect(relativeError(quadratic, scan).relative).toBeLessThan(1e-12);
      expect(relativeError(chunked, reference).relative).toBeLessThan(1e-9);
      expect(relativeError(form('chunked').run(inputs, params, 'float32'), reference).relative).toBeLessThan(1e-4);
    },
  );

  it.each([
    [5, 3, 7],
    [13, 9, 16],
  ])('chunked with N = %i, P = %i (widths past whole vectors), chunk %i, agrees with the reference', (N, P, chunk) => {
    const L = 75;
    const inputs = mixer.randomInputs(mixer.dims({ L, d: N, dv: P, state: 4 }, {}), createRng(N * P), {});
    const params = resolveParams(mixer, { chunk });
    const reference = mixer.reference(inputs, params);
    expect(relativeError(form('chunked').run(inputs, params, 'float64'), reference).relative).toBeLessThan(1e-12);
    expect(relativeError(form('chunked').run(inputs, params, 'float32'), reference).relative).toBeLessThan(1e-5);
  });

  it('gates near zero cut the past off without 0/0 in any form', () => {
    const L = 40;
    const inputs = { ...inputsAt(L), a: tensor([L], new Float64Array(L).fill(1e-30)) };
    const params = resolveParams(mixer, { chunk: 8 });
    const reference = mixer.reference(inputs, params);
    for (const f of mixer.forms) {
      for (const dtype of ['float64', 'float32'] as const) {
        const out = f.run(inputs, params, dtype);
        expect(out.data.every(Number.isFinite)).toBe(true);
        expect(relativeError(out, reference).relative).toBeLessThan(dtype === 'float64' ? 1e-9 : 1e-5);
      }
    }
  });

  it('with every a_t = 1 the last output sums the whole past: Y_{L−1} = Σ_s (C_{L−1}·B_s) X_s', () => {
    const L = 30;
    const random = inputsAt(L);
    const inputs = { ...random, a: tensor([L], new Float64Array(L).fill(1)) };
    const [B, C, X] = [random['B']!.data, random['C']!.data, random['X']!.data];
    const Y = form('chunked').run(inputs, resolveParams(mixer, { chunk: 7 }), 'float64').data;
    for (let p = 0; p < 6; p++) {
      let y = 0;
      for (let s = 0; s < L; s++) {
        let dot = 0;
        for (let n = 0; n < 8; n++) dot += C[(L - 1) * 8 + n]! * B[s * 8 + n]!;
        y += dot * X[s * 6 + p]!;
      }
      expect(Y[(L - 1) * 6 + p]).toBeCloseTo(y, 10);
    }
  });

  it('the focus row G_ts·(C_t·B_s) reproduces the output', () => {
    const L = 24;
    const inputs = inputsAt(L);
    const Y = form('scan').run(inputs, {}, 'float64').data;
    const X = inputs['X']!.data;
    for (const t of [0, 11, L - 1]) {
      const row = mixer.focusRow!(inputs, {}, t);
      for (let p = 0; p < 6; p++) {
        let y = 0;
        for (let s = 0; s <= t; s++) y += row[s]! * X[s * 6 + p]!;
        expect(y).toBeCloseTo(Y[t * 6 + p]!, 10);
      }
    }
  });

  it('costs: N×P bottleneck for scan and chunked, one Q×Q block and one N×P state per chunk', () => {
    const params = resolveParams(mixer, { chunk: 64 });
    const dims = mixer.dims({ L: 130, d: 16, dv: 32, state: 4 }, params);
    expect(dims).toEqual({ L: 130, N: 16, P: 32 });
    const chunked = form('chunked').cost(dims, params);
    expect(chunked.buffers.find((b) => b.name === 'block scores')!.elements).toBe(3 * 64 * 64);
    expect(chunked.buffers.find((b) => b.name === 'chunk states')!.elements).toBe(3 * 16 * 32);
    expect(chunked.bottleneck.elements).toBe(16 * 32);
    expect(form('scan').cost(dims, params).bottleneck.elements).toBe(16 * 32);
    expect(form('quadratic').cost(dims, params).bottleneck.elements).toBe(130 * 130);
    const one = form('chunked').cost(mixer.dims({ L: 1, d: 4, dv: 4, state: 4 }, params), params);
    expect(one.buffers.find((b) => b.name === 'block scores')!.elements).toBe(1);
  });
});
