/**
 * Where the float16 tolerance comes from (engine/sweep/measure.ts): every mixer and form emulated
 * on the CPU as f16 storage sees it, its float32 kernel on inputs rounded to f16 and its output
 * rounded to f16, against the float64 reference on the unrounded inputs, at the conformance
 * suite's shapes (L = 1, 37, 130, 2048). What this leaves out, the GPU forms' own f16
 * intermediates, is what f16-conformance.test.ts measures; both must stay under the tolerance,
 * this one with a margin of at least 2.
 */
import { describe, expect, it } from 'vitest';
import { HALF_UNIT_ROUNDOFF, roundArrayToHalf } from '../../engine/core/half.js';
import type { Inputs, Mixer } from '../../engine/core/mixer.js';
import { relativeError, type Tensor } from '../../engine/core/tensor.js';
import { MIXERS } from '../../engine/registry.js';
import { TOLERANCE } from '../../engine/sweep/measure.js';
import { WGSL_SHAPES } from './conformance-suite.js';
import { pointInputs } from './test-host.js';

const MARGIN = 2;
const toHalf = (t: Tensor): Tensor => ({ shape: t.shape, data: roundArrayToHalf(t.data) });

/** Each shape's inputs and float64 reference, made once per mixer (forms without their own reference share it). */
function pointsOf(mixer: Mixer) {
  return WGSL_SHAPES.map(({ L, d, dv }) => {
    const { params, inputs } = pointInputs(mixer, L, d, dv);
    const halved: Inputs = Object.fromEntries(Object.entries(inputs).map(([name, t]) => [name, toHalf(t)]));
    return { L, params, inputs, halved, reference: mixer.reference(inputs, params) };
  });
}

describe(`float16 emulated on the CPU stays under its tolerance ${TOLERANCE.float16} with a margin of ${MARGIN}`, () => {
  for (const mixer of MIXERS) {
    const points = pointsOf(mixer);
    it.each(mixer.forms.map((form) => [form.id, form] as const))(`${mixer.id}/%s at L = ${WGSL_SHAPES.map((s) => s.L).join(', ')}`, (_id, form) => {
      const errors = points.map(({ params, inputs, halved, reference }) => {
        const expected = form.reference ? form.reference(inputs, params) : reference;
        return relativeError(toHalf(form.run(halved, params, 'float32')), expected).relative;
      });
      for (const error of errors) expect(error).toBeLessThan(TOLERANCE.float16 / MARGIN);
      // The emulation rounds: somewhere the error is at least a good part of one f16 rounding.
      expect(Math.max(...errors)).toBeGreaterThan(HALF_UNIT_ROUNDOFF / 4);
    });
  }
});
