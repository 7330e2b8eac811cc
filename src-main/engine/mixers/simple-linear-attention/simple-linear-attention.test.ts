/** Simplified linear attention beyond the conformance test: chunk sizes, parameters, the focus row, costs. */
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../../core/errors.js';
import { createRng, normalArray } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { simpleLinearAttention as mixer } from './index.js';

const form = (id: string) => mixer.forms.find((f) => f.id === id)!;

function inputsAt(L: number, seed = 11) {
  return mixer.randomInputs(mixer.dims({ L, d: 8, dv: 6, state: 4 }, {}), createRng(seed), {});
}

/** S(a) = E|a| / √(E a²) of MIXERS.md "Attention focus". */
function sparsity(row: Float64Array): number {
  let abs = 0;
  let sq = 0;
  for (const v of row) {
    abs += Math.abs(v);
    sq += v * v;
  }
  return abs / row.length / Math.sqrt(sq / row.length);
}

describe('simple-linear-attention', () => {
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

  it('refuses a chunk that is not a positive integer, naming the parameter', () => {
    const inputs = inputsAt(5);
    expect(() => form('chunked').run(inputs, { chunk: 0 }, 'float64')).toThrow(MixscopeError);
    expect(() => form('chunked').run(inputs, { chunk: 2.5 }, 'float64')).toThrow(/'chunk'/);
    expect(() => resolveParams(mixer, { chunk: -3 })).toThrow(MixscopeError);
  });

  it('the focus row reproduces the output: y_t = Σ_s a_s v_s', () => {
    const L = 20;
    const inputs = inputsAt(L);
    const Y = form('recurrent').run(inputs, {}, 'float64').data;
    const V = inputs['V']!.data;
    for (const t of [0, 7, L - 1]) {
      const row = mixer.focusRow!(inputs, {}, t);
      expect(row.length).toBe(t + 1);
      for (let j = 0; j < 6; j++) {
        let y = 0;
        for (let s = 0; s <= t; s++) y += row[s]! * V[s * 6 + j]!;
        expect(y).toBeCloseTo(Y[t * 6 + j]!, 10);
      }
    }
  });

  it('cannot focus: for a fixed q and random keys the row sparsity is √(2/π) ≈ 0.798 whatever L', () => {
    const d = 16;
    const rng = createRng(3);
    const q = normalArray(rng, d);
    for (const L of [500, 4000]) {
      const Q = new Float64Array(L * d);
      for (let t = 0; t < L; t++) Q.set(q, t * d);
      const inputs = { Q: tensor([L, d], Q), K: tensor([L, d], normalArray(rng, L * d, 0.5)), V: tensor([L, 1], new Float64Array(L)) };
      expect(sparsity(mixer.focusRow!(inputs, {}, L - 1))).toBeCloseTo(Math.sqrt(2 / Math.PI), 1);
    }
  });

  it('recurrent and chunked keep a d×dv bottleneck whatever L; parallel holds L×L', () => {
    const params = resolveParams(mixer);
    for (const L of [256, 4096]) {
      const dims = mixer.dims({ L, d: 16, dv: 32, state: 16 }, params);
      expect(form('recurrent').cost(dims, params).bottleneck.elements).toBe(16 * 32);
      expect(form('chunked').cost(dims, params).bottleneck.elements).toBe(16 * 32);
      expect(form('parallel').cost(dims, params).bottleneck.elements).toBe(L * L);
      expect(form('chunked').cost(dims, params).buffers.find((b) => b.name.startsWith('A'))!.elements).toBe(64 * 64);
    }
    const short = form('chunked').cost(mixer.dims({ L: 5, d: 4, dv: 4, state: 4 }, params), params);
    expect(short.buffers.find((b) => b.name.startsWith('A'))!.elements).toBe(25);
  });
});
