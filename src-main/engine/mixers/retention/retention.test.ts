/** Retention beyond the conformance test: chunk sizes, λ, the decay-only focus closed form, costs. */
import { describe, expect, it } from 'vitest';
import { MixscopeError } from '../../core/errors.js';
import { createRng } from '../../core/random.js';
import { relativeError, tensor } from '../../core/tensor.js';
import { resolveParams } from '../../core/validate.js';
import { retention as mixer } from './index.js';

const form = (id: string) => mixer.forms.find((f) => f.id === id)!;

function inputsAt(L: number, seed = 21) {
  return mixer.randomInputs(mixer.dims({ L, d: 8, dv: 6, state: 4 }, {}), createRng(seed), {});
}

describe('retention', () => {
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

  it.each([0.05, 0.5, 0.999])('every form matches the reference at λ = %f', (lambda) => {
    const inputs = inputsAt(70);
    const params = resolveParams(mixer, { lambda, chunk: 16 });
    const reference = mixer.reference(inputs, params);
    for (const f of mixer.forms) {
      expect(relativeError(f.run(inputs, params, 'float64'), reference).relative).toBeLessThan(1e-9);
    }
  });

  it('a smaller λ forgets faster: the output moves away from plain linear attention', () => {
    const inputs = inputsAt(40);
    const far = form('recurrent').run(inputs, resolveParams(mixer, { lambda: 0.5 }), 'float64');
    const near = form('recurrent').run(inputs, resolveParams(mixer, { lambda: 0.999 }), 'float64');
    expect(relativeError(far, near).relative).toBeGreaterThan(0.1);
  });

  it('refuses λ outside the open interval (0, 1), naming the parameter', () => {
    const inputs = inputsAt(4);
    for (const lambda of [0, 1, 1.5, -0.2]) {
      expect(() => resolveParams(mixer, { lambda })).toThrow(MixscopeError);
      expect(() => form('recurrent').run(inputs, { lambda, chunk: 64 }, 'float64')).toThrow(/'lambda'/);
    }
  });

  it('with q·k_s = 1 the row is decay only, and its sparsity has the closed form of MIXERS.md', () => {
    const lambda = 0.9;
    const params = resolveParams(mixer, { lambda });
    for (const n of [1, 10, 200]) {
      const ones = new Float64Array(n).fill(1);
      const inputs = { Q: tensor([n, 1], ones), K: tensor([n, 1], ones), V: tensor([n, 1], ones) };
      const row = mixer.focusRow!(inputs, params, n - 1);
      let abs = 0;
      let sq = 0;
      for (const v of row) {
        abs += Math.abs(v);
        sq += v * v;
      }
      const measured = abs / n / Math.sqrt(sq / n);
      const theory = Math.sqrt(((1 + lambda) * (1 - lambda ** n)) / (n * (1 - lambda) * (1 + lambda ** n)));
      expect(measured).toBeCloseTo(theory, 12);
    }
  });

  it('recurrent and chunked keep a d×dv bottleneck whatever L; parallel holds L×L', () => {
    const params = resolveParams(mixer);
    for (const L of [256, 4096]) {
      const dims = mixer.dims({ L, d: 16, dv: 8, state: 16 }, params);
      expect(form('recurrent').cost(dims, params).bottleneck.elements).toBe(128);
      expect(form('chunked').cost(dims, params).bottleneck.elements).toBe(128);
      expect(form('parallel').cost(dims, params).buffers.some((b) => b.elements === L * L)).toBe(true);
      expect(form('chunked').cost(dims, params).flops).toBeLessThan(form('parallel').cost(dims, params).flops);
    }
  });
});
