/**
 * Every gpu.js kernel on every gpu.js backend the Node host offers, against the float64 reference
 * (float32: 1e-4 relative to max |Y|) at L = 1, 37, 130 and a long L with a small d. A backend
 * that is absent is skipped with its reason in the title.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRng } from '../../engine/core/random.js';
import { relativeError } from '../../engine/core/tensor.js';
import { resolveParams } from '../../engine/core/validate.js';
import { MIXERS } from '../../engine/registry.js';
import { gpujsForm } from './kernels/index.js';
import { nodeGpujsBackends } from './node-host.js';
import { LONG_SHAPE, SHORT_SHAPE, longLengthAllowed } from './test-shapes.js';
import { ensureXDisplay } from './x-display.js';

const display = await ensureXDisplay();
const backends = nodeGpujsBackends();
const probes = await Promise.all(backends.map((b) => b.probe()));

afterAll(async () => {
  for (const b of backends) await b.dispose();
  display?.stop();
});

const cases = MIXERS.flatMap((mixer) =>
  mixer.forms.filter((form) => gpujsForm(mixer.id, form.id)).map((form) => ({ mixer, form, name: `${mixer.id} ${form.id}` })),
);

describe.each(backends.map((backend, i) => ({ backend, probe: probes[i]! })))('$backend.id', ({ backend, probe }) => {
  const title = probe.available ? `on ${probe.host}` : `SKIPPED: ${probe.reason}`;
  describe.skipIf(!probe.available)(title, () => {
    describe.each(cases)('$name', ({ mixer, form }) => {
      const params = resolveParams(mixer);
      const lengths = [1, 37, 130].map((L) => ({ L, shape: { ...SHORT_SHAPE, L } }));
      if (longLengthAllowed(backend.id, mixer.id, form.id)) lengths.push({ L: LONG_SHAPE.L, shape: LONG_SHAPE });
      it.each(lengths)('L=$L matches the float64 reference within 1e-4', async ({ L, shape }) => {
        const dims = mixer.dims(shape, params);
        const inputs = mixer.randomInputs(dims, createRng(2000 + L), params);
        const reference = (form.reference ?? mixer.reference)(inputs, params);
        const prepared = await backend.prepare({ mixer, form, inputs, params, dtype: 'float32' });
        try {
          const { output } = await prepared.read();
          expect(output.shape).toEqual(reference.shape);
          expect(relativeError(output, reference).relative).toBeLessThan(1e-4);
          expect(reference.data.some((v) => Math.abs(v) > 1e-6)).toBe(true);
          expect(prepared.allocatedBytes).toBeGreaterThan(0);
        } finally {
          prepared.release();
        }
      });
    });
  });
});
