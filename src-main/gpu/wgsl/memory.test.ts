/**
 * Memory, honestly: the fused softmax kernel's bytes grow linearly in L while the materialized one's
 * grow with L², exactly as the cost model predicts; a point over the device's binding limit is
 * refused before allocation with needed versus available bytes; runs repeat and time themselves.
 */
import { afterAll, expect, it } from 'vitest';
import { OverLimitError } from '../../engine/core/errors.js';
import { getForm } from '../../engine/registry.js';
import { softmaxAttention } from '../../engine/mixers/softmax-attention/index.js';
import { relativeError } from '../../engine/core/tensor.js';
import { gpuDescribe, pointInputs, startTestBackend } from './test-host.js';

const { backend, probe } = await startTestBackend();
afterAll(() => backend.dispose());

const materialized = getForm(softmaxAttention, 'materialized');
const fused = getForm(softmaxAttention, 'fused');

async function bytesAt(form: typeof fused, L: number): Promise<number> {
  const { params, inputs } = pointInputs(softmaxAttention, L, 16);
  const kernel = await backend.prepare({ mixer: softmaxAttention, form, inputs, params, dtype: 'float32' });
  kernel.release();
  return kernel.allocatedBytes;
}

gpuDescribe(probe, 'wgsl memory and limits', () => {
  it('fused softmax bytes are linear in L, materialized bytes quadratic, both as the cost model says', async () => {
    const lengths = [64, 128, 256];
    const d = 16;
    for (const L of lengths) {
      expect(await bytesAt(fused, L)).toBe(4 * 4 * L * d);
      expect(await bytesAt(materialized, L)).toBe(4 * (4 * L * d + L * L));
    }
    // Doubling L doubles the fused bytes; the materialized bytes' second difference is the L² term.
    const f = await Promise.all(lengths.map((L) => bytesAt(fused, L)));
    expect(f[1]! / f[0]!).toBe(2);
    expect(f[2]! / f[1]!).toBe(2);
  });

  it('refuses a point over the storage binding limit with needed versus available bytes', async () => {
    const available = Math.min(probe.limits!['maxStorageBufferBindingSize']!, probe.limits!['maxBufferSize']!);
    const L = Math.ceil(Math.sqrt(available / 4)) + 1;
    const { params, inputs } = pointInputs(softmaxAttention, L, 1);
    const attempt = backend.prepare({ mixer: softmaxAttention, form: materialized, inputs, params, dtype: 'float32' });
    await expect(attempt).rejects.toBeInstanceOf(OverLimitError);
    await attempt.catch((err: OverLimitError) => {
      expect(err.neededBytes).toBe(L * L * 4);
      expect(err.availableBytes).toBe(available);
      expect(err.message).toContain('buffer S');
    });
  });

  it('runs repeatedly to the same output, with wall time and upload/readback apart', async () => {
    const { params, inputs } = pointInputs(softmaxAttention, 100, 16);
    const kernel = await backend.prepare({ mixer: softmaxAttention, form: materialized, inputs, params, dtype: 'float32' });
    const first = await kernel.read();
    for (let i = 0; i < 3; i++) {
      const timing = await kernel.run();
      expect(timing.wallMs).toBeGreaterThan(0);
      if (probe.features?.includes('timestamp-query')) expect(timing.gpuMs).toBeGreaterThanOrEqual(0);
    }
    const again = await kernel.read();
    expect(relativeError(again.output, first.output).maxAbs).toBe(0);
    expect(again.readbackMs).toBeGreaterThan(0);
    expect(kernel.compileMs).toBeGreaterThan(0);
    expect(kernel.uploadMs).toBeGreaterThanOrEqual(0);
    kernel.release();
  });
});
