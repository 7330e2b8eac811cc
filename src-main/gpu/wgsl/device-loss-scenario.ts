/**
 * The device-loss scenario, run as its own process by device-loss.test.ts: a WgslBackend on a Dawn
 * device made here, the device destroyed under it, DeviceLostError expected, `reset`, and a point
 * run again. Prints one JSON line with what it saw. Its own process because Dawn 0.6.2 can
 * deadlock the thread that destroys a device while it processes events; a frozen thread cannot
 * be timed out from inside, a process can be killed from outside.
 */
import { DeviceLostError } from '../../engine/core/errors.js';
import { softmaxAttention } from '../../engine/mixers/softmax-attention/index.js';
import { getForm } from '../../engine/registry.js';
import { createDawnDevice } from '../node/dawn.js';
import { fileShaderLoader } from '../node/shader-files.js';
import { WgslBackend } from './backend.js';
import { pointInputs, TEST_ROUTES } from './test-host.js';

const form = getForm(softmaxAttention, 'fused');
const { params, inputs } = pointInputs(softmaxAttention, 40, 8);
const request = { mixer: softmaxAttention, form, inputs, params, dtype: 'float32' as const };

const dawn = await createDawnDevice(TEST_ROUTES);
let devicesMade = 0;
const backend = new WgslBackend({
  device: dawn.device,
  loadShader: fileShaderLoader(),
  host: 'test',
  recreateDevice: async () => {
    devicesMade++;
    return (await createDawnDevice([dawn.route])).device;
  },
});
const before = await backend.prepare(request);
before.release();
dawn.device.destroy();
await dawn.device.lost;
const afterLoss = await backend.prepare(request).then(
  () => 'prepared',
  (err: unknown) => (err instanceof DeviceLostError ? 'DeviceLostError' : String(err)),
);
const probeAfterLoss = (await backend.probe()).available;
await backend.reset();
const after = await backend.prepare(request);
const outputLength = (await after.read()).output.data.length;
after.release();
process.stdout.write(`${JSON.stringify({ afterLoss, probeAfterLoss, devicesMade, outputLength })}\n`);
process.exit(0);
