/**
 * Every form of every mixer at widths that fill whole SIMD vectors (d = dv = state = 16), so the
 * kernels' vector paths run where the conformance test's d = 8, dv = 6 leaves float32 steps and
 * read-outs on their scalar edges; L = 130 spans several 64-row blocks and a partial one.
 * Same tolerances as the conformance test: float64 1e-9, float32 1e-4, relative to max |Y|.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { relativeError } from '../core/tensor.js';
import { resolveParams } from '../core/validate.js';
import { MIXERS } from '../registry.js';

const TOLERANCE = { float64: 1e-9, float32: 1e-4 } as const;

describe.each(MIXERS.map((m) => [m.id, m] as const))('%s at vector widths', (_id, mixer) => {
  const params = resolveParams(mixer);
  const inputs = mixer.randomInputs(mixer.dims({ L: 130, d: 16, dv: 16, state: 16 }, params), createRng(77), params);
  describe.each(mixer.forms.map((f) => [f.id, f] as const))('form %s', (_formId, form) => {
    it.each(['float64', 'float32'] as const)('L=130 d=dv=16 %s matches the reference', (dtype) => {
      const reference = (form.reference ?? mixer.reference)(inputs, params);
      const { relative } = relativeError(form.run(inputs, params, dtype), reference);
      expect(reference.data.some((v) => Math.abs(v) > 1e-6)).toBe(true);
      expect(relative).toBeLessThan(TOLERANCE[dtype]);
    });
  });
});
