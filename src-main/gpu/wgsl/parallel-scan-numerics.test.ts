/**
 * The parallel SSM matrix (ssm/log-decay.wgsl, ssm/matrix-tiles.wgsl) where its numerics are at
 * stake, against the float64 reference within 1e-4 relative: decays close to 1 at L = 2048, whose
 * products stay large across every block (the in-block sums and the per-tile sums of the blocks
 * between must not lose f32's precision); decays fast enough that the diagonal tiles must take the
 * entry-by-entry path; and decays of exactly 0 (log 0 taken as −80). In-process on Dawn; skipped
 * visibly without an adapter.
 */
import { describe, expect, it } from 'vitest';
import { relativeError, tensor } from '../../engine/core/tensor.js';
import { getForm, MIXERS } from '../../engine/registry.js';
import { fileShaderLoader } from '../node/shader-files.js';
import { WgslBackend } from './backend.js';
import { inProcessTestDevice, pointInputs } from './test-host.js';

const { dawn, reason } = await inProcessTestDevice();
const ssm = MIXERS.find((m) => m.id === 'ssm')!;

/** Abar with every entry from `decay(i)`, i the flat index over (t, channel, state). */
async function errorWith(L: number, decay: (i: number) => number): Promise<number> {
  const backend = new WgslBackend({ device: dawn!.device, loadShader: fileShaderLoader(), host: `test (Dawn, ${dawn!.route})`, scan: { mode: 'parallel' }, autotune: false });
  const { params, inputs } = pointInputs(ssm, L, 2, 2);
  const abar = inputs['Abar']!;
  const given = { ...inputs, Abar: tensor(abar.shape, Float64Array.from(abar.data, (_v, i) => decay(i))) };
  const kernel = await backend.prepare({ mixer: ssm, form: getForm(ssm, 'materialized'), inputs: given, params, dtype: 'float32' });
  try {
    expect(kernel.kernelConfig?.params['scan']).toBe('parallel');
    return relativeError((await kernel.read()).output, ssm.reference(given, params)).relative;
  } finally {
    kernel.release();
  }
}

if (!dawn) describe.skip(`parallel SSM matrix numerics — SKIPPED: no WebGPU adapter (${reason})`, () => it('needs an adapter', () => undefined));

if (dawn) {
  describe(`parallel SSM matrix numerics — on Dawn ${dawn.route}, ${dawn.adapter.info.description}`, () => {
    it('decays in [0.9990, 0.9999] at L = 2048: products that stay large across all 32 blocks', async () => {
      expect(await errorWith(2048, (i) => 0.999 + 0.0009 * ((i * 7919) % 101) / 100)).toBeLessThanOrEqual(1e-4);
    });

    it('decays in [0.1, 0.3] (a block decays by e^−80 or more: its diagonal tile entry by entry) and exactly 0 at every 50th entry', async () => {
      expect(await errorWith(200, (i) => 0.1 + 0.2 * ((i * 7919) % 101) / 100)).toBeLessThanOrEqual(1e-4);
      expect(await errorWith(200, (i) => (i % 50 === 0 ? 0 : 0.9))).toBeLessThanOrEqual(1e-4);
    });
  });
}
