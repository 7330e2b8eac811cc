/**
 * Every form of every registered mixer against its float64 reference (MIXERS.md: forms of one
 * mixer compute the same output). Tolerances: float64 1e-9, float32 1e-4, relative to max |Y|.
 * Lengths include L = 1, lengths that are not multiples of the chunk size, and 128, a multiple of
 * 64, whose frame matrices get a padded row stride (kernels/causal.ts, paddedLd).
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { relativeError } from '../core/tensor.js';
import { resolveParams } from '../core/validate.js';
import { MIXERS } from '../registry.js';

const LENGTHS = [1, 37, 128, 130];
const TOLERANCE = { float64: 1e-9, float32: 1e-4 } as const;

describe.each(MIXERS.map((m) => [m.id, m] as const))('%s', (_id, mixer) => {
  const params = resolveParams(mixer);
  describe.each(mixer.forms.map((f) => [f.id, f] as const))('form %s', (_formId, form) => {
    it.each(LENGTHS.flatMap((L) => (['float64', 'float32'] as const).map((dtype) => [L, dtype] as const)))(
      'L=%i %s matches the reference',
      (L, dtype) => {
        const dims = mixer.dims({ L, d: 8, dv: 6, state: 4 }, params);
        const inputs = mixer.randomInputs(dims, createRng(1000 + L), params);
        const reference = (form.reference ?? mixer.reference)(inputs, params);
        const out = form.run(inputs, params, dtype);
        expect(out.shape).toEqual(reference.shape);
        expect(out.data).toBeInstanceOf(dtype === 'float32' ? Float32Array : Float64Array);
        const { relative } = relativeError(out, reference);
        expect(relative).toBeLessThan(TOLERANCE[dtype]);
        // The reference must not be trivially zero, or the comparison proves nothing.
        expect(reference.data.some((v) => Math.abs(v) > 1e-6)).toBe(true);
      },
    );

    it('cost model lists its buffers and a bottleneck', () => {
      const dims = mixer.dims({ L: 256, d: 16, dv: 16, state: 16 }, params);
      const cost = form.cost(dims, params);
      expect(cost.flops).toBeGreaterThan(0);
      expect(cost.peakElements).toBe(cost.buffers.reduce((n, b) => n + b.elements, 0));
      expect(cost.bottleneck.elements).toBeGreaterThan(0);
    });
  });
});
