/**
 * Every form that has a WGSL kernel, against the mixer's float64 reference (or the form's own), in
 * float32 through the Node compute worker: relative error ≤ 1e-4 at L = 1, 37, 130 and 2048, and the
 * storage bytes allocated equal to the cost model's peak bytes.
 */
import { afterAll, expect, it } from 'vitest';
import type { Form, Mixer } from '../../engine/core/mixer.js';
import { relativeError } from '../../engine/core/tensor.js';
import { MIXERS } from '../../engine/registry.js';
import { findPlan } from './plans/index.js';
import { gpuDescribe, pointInputs, startTestBackend } from './test-host.js';

const { backend, probe } = await startTestBackend();
afterAll(() => backend.dispose());

/** Small widths, not multiples of the tiles, so the bounds checks are exercised; d = 8 at L = 2048. */
const SHAPES: readonly { L: number; d: number; dv: number }[] = [
  { L: 1, d: 8, dv: 8 },
  { L: 37, d: 12, dv: 10 },
  { L: 130, d: 20, dv: 17 },
  { L: 2048, d: 8, dv: 8 },
];

/** Parameter settings beyond the defaults that take other branches of a kernel. */
const VARIANTS: Readonly<Record<string, readonly Readonly<Record<string, number | string>>[]>> = {
  'masked-attention': [{ mask: 'decay', lambda: 0.9 }, { mask: 'selective' }],
  retention: [{ lambda: 0.8, chunk: 24 }],
  'linear-attention': [{ chunk: 24 }],
  'simple-linear-attention': [{ chunk: 24 }],
  gau: [{ beta: -0.3 }],
  'softmax-attention': [{ scale: 0.5 }],
  ssd: [{ chunk: 100 }],
  hydra: [{ Dskip: 0.3 }],
  'ttt-linear': [{ batch: 5, eta: 0.05 }],
};

const planned = MIXERS.flatMap((mixer) => mixer.forms.filter((f) => findPlan(mixer.id, f.id)).map((form) => ({ mixer, form })));
const label = (given: Readonly<Record<string, number | string>>): string =>
  Object.entries(given).map(([k, v]) => `${k}=${v}`).join(', ') || 'defaults';

async function checkPoint(mixer: Mixer, form: Form, L: number, d: number, dv: number, given: Readonly<Record<string, number | string>>) {
  const { params, dims, inputs } = pointInputs(mixer, L, d, dv, given);
  const kernel = await backend.prepare({ mixer, form, inputs, params, dtype: 'float32' });
  try {
    const { output } = await kernel.read();
    const reference = (form.reference ?? mixer.reference)(inputs, params);
    expect(output.shape).toEqual(reference.shape);
    expect(relativeError(output, reference).relative).toBeLessThanOrEqual(1e-4);
    expect(kernel.allocatedBytes).toBe(form.cost(dims, params).peakElements * 4);
  } finally {
    kernel.release();
  }
}

gpuDescribe(probe, 'wgsl kernels match the float64 reference within 1e-4', () => {
  for (const { mixer, form } of planned) {
    const settings = [{}, ...(VARIANTS[mixer.id] ?? [])];
    for (const { L, d, dv } of SHAPES) {
      for (const given of settings) {
        it(`${mixer.id}/${form.id} at L=${L}, d=${d}, dv=${dv}, ${label(given)}`, () => checkPoint(mixer, form, L, d, dv, given));
      }
    }
  }
});
