/** Linear attention beyond the conformance test: chunk sizes, the normalized focus row, costs. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.js';
import { relativeError } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { linearAttention as mixer } from './index.js';
import { eluPlusOne } from './reference.js';

const form = (id: string) => mixer.forms.find((f) => f.id === id)!;

function inputsAt(L: number, seed = 31) {
  return mixer.randomInputs(mixer.dims({ L, d: 8, dv: 6, state: 4 }, {}), createRng(seed), {});
}

describe('linear-attention', () => {
  it.each([1, 5, 16, 64].flatMap((chunk) => [1, 37, 130].map((L) => [chunk, L] as const)))(
    'chunked with chunk %i at L=%i matches the reference in float64 and float32',
    (chunk, L) => {
      const inputs = inputsAt(L);
      const params = resolveParams(mixer, { chunk });
      const reference = mixer.reference(inputs, params);
      expect(relativeError(form('chunked').run(inputs, params, 'float64'), reference).relative).toBeLessThan(1e-9);
      expect(relativeError(form('chunked').run(inputs, params, 'float32'), reference).relative).toBeLessThan(1e-4);
    },
  );

  it('φ = elu + 1 is positive and continuous at 0', () => {
    expect(eluPlusOne(0)).toBe(1);
    expect(eluPlusOne(1e-12)).toBeCloseTo(1, 10);
    expect(eluPlusOne(-1e-12)).toBeCloseTo(1, 10);
    expect(eluPlusOne(-30)).toBeGreaterThan(0);
    expect(eluPlusOne(2)).toBe(3);
  });

  it('the first output is v_0 exactly: one key, weight 1', () => {
    const inputs = inputsAt(3);
    for (const f of mixer.forms) {
      const Y = f.run(inputs, resolveParams(mixer), 'float64').data;
      for (let j = 0; j < 6; j++) expect(Y[j]).toBeCloseTo(inputs['V']!.data[j]!, 12);
    }
  });

  it('the focus row is a positive distribution that reproduces the output', () => {
    const L = 25;
    const inputs = inputsAt(L);
    const Y = form('parallel').run(inputs, {}, 'float64').data;
    const V = inputs['V']!.data;
    for (const t of [0, 12, L - 1]) {
      const row = mixer.focusRow!(inputs, {}, t);
      expect(row.every((v) => v > 0)).toBe(true);
      expect(row.reduce((n, v) => n + v, 0)).toBeCloseTo(1, 12);
      for (let j = 0; j < 6; j++) {
        let y = 0;
        for (let s = 0; s <= t; s++) y += row[s]! * V[s * 6 + j]!;
        expect(y).toBeCloseTo(Y[t * 6 + j]!, 10);
      }
    }
  });

  it('costs: φQ and φK are buffers of the parallel form; the recurrent state is S plus z', () => {
    const params = resolveParams(mixer);
    const dims = mixer.dims({ L: 1024, d: 16, dv: 16, state: 16 }, params);
    const parallel = form('parallel').cost(dims, params);
    expect(parallel.buffers.map((b) => b.name)).toEqual(['Q', 'K', 'V', 'Y', 'φQ', 'φK', 'A']);
    expect(parallel.bottleneck.elements).toBe(1024 * 1024);
    const recurrent = form('recurrent').cost(dims, params);
    expect(recurrent.peakElements).toBe(4 * 1024 * 16 + 16 * 16 + 16);
    expect(recurrent.bottleneck.elements).toBe(256);
  });
});
