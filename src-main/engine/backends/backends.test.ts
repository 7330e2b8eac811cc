import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.js';
import { BYTES_PER_ELEMENT, relativeError } from '../core/tensor.js';
import { resolveParams } from '../core/validate.js';
import { getMixer } from '../registry.js';
import { MATMUL_KERNEL } from '../kernels/gemm.js';
import { calibrateCpu } from './calibrate.js';
import { createJsBackend } from './js.js';
import { createReferenceBackend, referenceCarriers } from './reference.js';

const mixer = getMixer('softmax-attention');
const params = resolveParams(mixer);
const dims = mixer.dims({ L: 40, d: 8, dv: 6, state: 4 }, params);
const inputs = mixer.randomInputs(dims, createRng(7), params);
const reference = mixer.reference(inputs, params);

describe('js backend', () => {
  it.each(['float64', 'float32'] as const)('runs every form in %s and reports the cost-model bytes', async (dtype) => {
    const backend = createJsBackend();
    for (const form of mixer.forms) {
      const kernel = await backend.prepare({ mixer, form, inputs, params, dtype });
      const timing = await kernel.run();
      expect(timing.wallMs).toBeGreaterThanOrEqual(0);
      const { output } = await kernel.read();
      expect(output.data).toBeInstanceOf(dtype === 'float32' ? Float32Array : Float64Array);
      expect(relativeError(output, reference).relative).toBeLessThan(dtype === 'float32' ? 1e-4 : 1e-9);
      expect(kernel.allocatedBytes).toBe(form.cost(dims, params).peakElements * BYTES_PER_ELEMENT[dtype]);
      kernel.release();
    }
  });

  it('times with the injected clock', async () => {
    let t = 0;
    const backend = createJsBackend({ now: () => (t += 5) });
    const kernel = await backend.prepare({ mixer, form: mixer.forms[0]!, inputs, params, dtype: 'float64' });
    expect((await kernel.run()).wallMs).toBe(5);
  });
});

describe('reference backend', () => {
  it('is float64 only and returns the reference output', async () => {
    const backend = createReferenceBackend();
    expect((await backend.probe()).dtypes).toEqual(['float64']);
    const [carrier] = referenceCarriers(mixer);
    expect(carrier!.label).toBe('reference');
    expect(backend.support(mixer, carrier!.form, 'float32').supported).toBe(false);
    const kernel = await backend.prepare({ mixer, form: carrier!.form, inputs, params, dtype: 'float64' });
    await kernel.run();
    const { output } = await kernel.read();
    expect(Array.from(output.data)).toEqual(Array.from(reference.data));
  });
});

describe('calibrateCpu', () => {
  it('turns the timed work into GFLOP/s and GB/s', () => {
    let t = 0;
    // Each timed task spans one tick (1 ms) of this clock.
    const cal = calibrateCpu('js', 'float32', { matmulSize: 10, copyElements: 1000, tries: 2, now: () => (t += 1) });
    expect(cal).toEqual({ backend: 'js', dtype: 'float32', peakMatmulGflops: 2000 / 1e6, copyGBs: 8000 / 1e6, kernel: expect.stringMatching(/^wasm simd128 gemm/), threads: 1 });
  });

  it('times the matmul the forms run, on their one thread', () => {
    let t = 0;
    const cal = calibrateCpu('js', 'float64', { matmulSize: 9, copyElements: 10, tries: 1, now: () => (t += 1) });
    expect(cal).toMatchObject({ kernel: MATMUL_KERNEL, threads: 1, peakMatmulGflops: (2 * 9 ** 3) / 1e6 });
  });
});
