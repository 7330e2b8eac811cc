/**
 * gpu.js calibration on the Node host's deviceless modes (cpu, webasm): the timed kernels compute
 * what they claim (checked against a float64 host product), and the backend's roofline is a
 * positive finite rate. The rates themselves are not asserted: timing belongs in benchmarks.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createRng, uniformArray } from '../../engine/core/random.js';
import { GpujsBackend } from './backend.js';
import { copyStage, matmulStage } from './calibrate.js';
import { createGpujs } from './gpujs.js';

const backends = [new GpujsBackend('cpu'), new GpujsBackend('webasm')];
const probes = await Promise.all(backends.map((b) => b.probe()));

afterAll(async () => {
  for (const b of backends) await b.dispose();
});

function random(seed: number, length: number): Float32Array {
  return Float32Array.from(uniformArray(createRng(seed), length, -1, 1));
}

describe.each(backends.map((backend, i) => ({ backend, probe: probes[i]! })))('$backend.id calibration', ({ backend, probe }) => {
  const skip = probe.available ? '' : ` (skipped: ${probe.reason})`;

  it.skipIf(!probe.available)(`times a matmul that multiplies correctly${skip}`, async () => {
    const gpu = createGpujs(backend.mode);
    const n = 37;
    const a = random(11, n * n);
    const b = random(12, n * n);
    const timed = await matmulStage(gpu, a, b, n);
    expect(await timed.time()).toBeGreaterThanOrEqual(0);
    const c = await timed.read(n * n);
    timed.destroy();
    await gpu.destroy();
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let exact = 0;
        let magnitude = 0;
        for (let k = 0; k < n; k++) {
          exact += a[i * n + k]! * b[k * n + j]!;
          magnitude += Math.abs(a[i * n + k]! * b[k * n + j]!);
        }
        // float32 accumulation of n terms: a few ulps of the sum of magnitudes.
        expect(Math.abs(c[i * n + j]! - exact)).toBeLessThanOrEqual(1e-5 * magnitude + 1e-30);
      }
    }
  });

  it.skipIf(!probe.available)(`times a copy that copies exactly${skip}`, async () => {
    const gpu = createGpujs(backend.mode);
    const x = random(13, 1000);
    const timed = await copyStage(gpu, x);
    await timed.time();
    expect(Array.from(await timed.read(x.length))).toEqual(Array.from(x));
    timed.destroy();
    await gpu.destroy();
  });

  it.skipIf(!probe.available)(`reports a positive finite roofline in float32 and refuses float64${skip}`, async () => {
    const roof = await backend.calibrate('float32');
    expect(Number.isFinite(roof.peakMatmulGflops) && roof.peakMatmulGflops > 0).toBe(true);
    expect(Number.isFinite(roof.copyGBs) && roof.copyGBs > 0).toBe(true);
    await expect(backend.calibrate('float64')).rejects.toThrow(/float32 only/);
  });
});
