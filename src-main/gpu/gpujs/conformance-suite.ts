/**
 * The gpu.js conformance suite, shared by the Node host and the page host tests: every gpu.js
 * kernel against the float64 reference (float32: 1e-4 relative to max |Y|) at L = 1, 37, 130 and
 * a long L with a small d. An absent backend is skipped with its reason in the title.
 */
import { describe, expect, it } from 'vitest';
import type { Backend, BackendProbe } from '../../engine/core/backend.js';
import { createRng } from '../../engine/core/random.js';
import { relativeError } from '../../engine/core/tensor.js';
import { resolveParams } from '../../engine/core/validate.js';
import { MIXERS } from '../../engine/registry.js';
import { gpujsForm } from './kernels/index.js';
import { LONG_SHAPE, SHORT_SHAPE, longLengthAllowed } from './test-shapes.js';

export const TOLERANCE = 1e-4;

const cases = MIXERS.flatMap((mixer) =>
  mixer.forms.filter((form) => gpujsForm(mixer.id, form.id)).map((form) => ({ mixer, form, name: `${mixer.id} ${form.id}` })),
);

export function gpujsConformance(entries: readonly { backend: Backend; probe: BackendProbe }[]): void {
  describe.each(entries)('$backend.id', ({ backend, probe }) => {
    const title = probe.available ? `on ${probe.host}` : `SKIPPED: ${probe.reason}`;
    describe.skipIf(!probe.available)(title, () => {
      describe.each(cases)('$name', ({ mixer, form }) => {
        const params = resolveParams(mixer);
        const lengths = [1, 37, 130].map((L) => ({ L, shape: { ...SHORT_SHAPE, L } }));
        if (longLengthAllowed(backend.id, mixer.id, form.id, probe.host)) lengths.push({ L: LONG_SHAPE.L, shape: LONG_SHAPE });
        it.each(lengths)(`L=$L matches the float64 reference within ${TOLERANCE}`, async ({ L, shape }) => {
          const dims = mixer.dims(shape, params);
          const inputs = mixer.randomInputs(dims, createRng(2000 + L), params);
          const reference = (form.reference ?? mixer.reference)(inputs, params);
          const prepared = await backend.prepare({ mixer, form, inputs, params, dtype: 'float32' });
          try {
            const { output } = await prepared.read();
            expect(output.shape).toEqual(reference.shape);
            expect(relativeError(output, reference).relative).toBeLessThan(TOLERANCE);
            expect(reference.data.some((v) => Math.abs(v) > 1e-6)).toBe(true);
            expect(prepared.allocatedBytes).toBeGreaterThan(0);
          } finally {
            prepared.release();
          }
        });
      });
    });
  });
}
