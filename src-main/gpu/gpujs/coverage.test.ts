/**
 * Which forms have no gpu.js kernel: listed here by name (none now), so a gap is visible (adding
 * a kernel or a mixer form fails this test until the list is updated). Also checks what
 * the default-parameter suite does not reach: the selective mask, and the float64 refusal.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../engine/core/random.js';
import { relativeError } from '../../engine/core/tensor.js';
import { resolveParams } from '../../engine/core/validate.js';
import { MIXERS, getForm, getMixer } from '../../engine/registry.js';
import { GpujsBackend, gpujsSupport } from './backend.js';
import { compareForm } from './compare.js';
import { gpujsForm } from './kernels/index.js';

const FORMS_WITHOUT_GPUJS_KERNEL: readonly string[] = [];

describe('gpu.js kernel coverage', () => {
  it('lists exactly the forms that have no gpu.js kernel', () => {
    const missing = MIXERS.flatMap((m) => m.forms.filter((f) => !gpujsForm(m.id, f.id)).map((f) => `${m.id} ${f.id}`));
    expect(missing.sort()).toEqual([...FORMS_WITHOUT_GPUJS_KERNEL].sort());
  });

  it('marks every approximate kernel with a note stating its real cost', () => {
    for (const mixer of MIXERS) {
      for (const form of mixer.forms) {
        const support = gpujsSupport(mixer, form, 'float32');
        if (support.supported && support.fidelity === 'approximate') expect(support.note).toMatch(/O\(/);
      }
    }
  });

  it('refuses float64 and forms without a kernel, saying why', () => {
    const softmax = getMixer('softmax-attention');
    expect(gpujsSupport(softmax, getForm(softmax, 'fused'), 'float64')).toMatchObject({ supported: false, note: expect.stringMatching(/float32/) });
    const fnet = getMixer('fnet');
    const unknownForm = { ...getForm(fnet, 'fft'), id: 'radix-4' };
    expect(gpujsSupport(fnet, unknownForm, 'float32')).toMatchObject({ supported: false, note: expect.stringMatching(/no gpu.js kernel/) });
  });
});

describe('masked-attention with the selective mask on gpujs-cpu', () => {
  const backend = new GpujsBackend('cpu');
  const mixer = getMixer('masked-attention');
  const params = resolveParams(mixer, { mask: 'selective' });
  it.each(mixer.forms.flatMap((f) => [37, 130].map((L) => ({ form: f, L }))))('$form.id L=$L', async ({ form, L }) => {
    const inputs = mixer.randomInputs(mixer.dims({ L, d: 8, dv: 6, state: 4 }, params), createRng(L), params);
    const prepared = await backend.prepare({ mixer, form, inputs, params, dtype: 'float32' });
    const { output } = await prepared.read();
    prepared.release();
    expect(relativeError(output, mixer.reference(inputs, params)).relative).toBeLessThan(1e-4);
  });
});

describe('compareForm', () => {
  it('puts two backends side by side on one form, outputs in agreement', async () => {
    const mixer = getMixer('retention');
    const form = getForm(mixer, 'chunked');
    const params = resolveParams(mixer, { chunk: 16 });
    const inputs = mixer.randomInputs(mixer.dims({ L: 50, d: 4, dv: 4, state: 2 }, params), createRng(5), params);
    const [cpu, wasm] = [new GpujsBackend('cpu'), new GpujsBackend('webasm')];
    const result = await compareForm(cpu, wasm, { mixer, form, inputs, params, dtype: 'float32' }, 2);
    expect(result.sides.map((s) => s.backend)).toEqual(['gpujs-cpu', 'gpujs-webasm']);
    expect(result.sides[0].support.fidelity).toBe('approximate');
    expect(result.sides[0].allocatedBytes).toBeGreaterThan(0);
    expect(result.outputDifference).toBeLessThan(1e-5);
  });
});
