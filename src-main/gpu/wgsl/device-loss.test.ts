/**
 * A lost device is recorded, not hidden: WgslBackend (on a device made in this thread) throws
 * DeviceLostError after a loss, `reset` makes a new device, and the next point runs.
 */
import { afterAll, expect, it } from 'vitest';
import { DeviceLostError } from '../../engine/core/errors.js';
import { softmaxAttention } from '../../engine/mixers/softmax-attention/index.js';
import { getForm } from '../../engine/registry.js';
import { createDawnDevice } from '../node/dawn.js';
import { fileShaderLoader } from '../node/shader-files.js';
import { WgslBackend } from './backend.js';
import { gpuDescribe, pointInputs, startTestBackend, TEST_ROUTES } from './test-host.js';

// The worker's probe decides whether this machine has an adapter at all (and names it in the title).
const { backend: probeHost, probe } = await startTestBackend();
await probeHost.dispose();

const form = getForm(softmaxAttention, 'fused');
const { params, inputs } = pointInputs(softmaxAttention, 40, 8);
const request = { mixer: softmaxAttention, form, inputs, params, dtype: 'float32' as const };

gpuDescribe(probe, 'wgsl device loss', () => {
  let backend: WgslBackend | undefined;
  afterAll(() => backend?.dispose());

  it('throws DeviceLostError after a loss, and runs again after reset', async () => {
    const dawn = await createDawnDevice(TEST_ROUTES);
    let devices = 0;
    backend = new WgslBackend({
      device: dawn.device,
      loadShader: fileShaderLoader(),
      host: 'test',
      recreateDevice: async () => {
        devices++;
        return (await createDawnDevice([dawn.route])).device;
      },
    });
    const before = await backend.prepare(request);
    before.release();
    dawn.device.destroy();
    await dawn.device.lost;
    await expect(backend.prepare(request)).rejects.toBeInstanceOf(DeviceLostError);
    expect((await backend.probe()).available).toBe(false);
    await backend.reset();
    expect(devices).toBe(1);
    const after = await backend.prepare(request);
    expect((await after.read()).output.data.length).toBe(40 * 8);
    after.release();
  });
});
