/**
 * The kernels of the state-space, gated and Fourier mixers (MIXERS.md §5–§12) hold state in buffers
 * (carried chunk states, fast weights, forward/backward outputs, FFT work space): repeated runs of
 * one prepared kernel must give bit-identical outputs, so nothing accumulates across runs. mLSTM's
 * kernels must also keep the max-stabilizer's promise: input gates of several hundred stay finite.
 */
import { afterAll, expect, it } from 'vitest';
import { relativeError, tensor } from '../../../engine/core/tensor.js';
import { MIXERS } from '../../../engine/registry.js';
import { mlstm } from '../../../engine/mixers/mlstm/index.js';
import { gpuDescribe, pointInputs, startTestBackend } from '../test-host.js';
import { findPlan } from './index.js';

const { backend, probe } = await startTestBackend();
afterAll(() => backend.dispose());

const MIXER_IDS = ['ssm', 'ssd', 'hydra', 'mlstm', 'ttt-linear', 'fnet', 'mlp-mixer'];
const forms = MIXERS.filter((m) => MIXER_IDS.includes(m.id)).flatMap((mixer) =>
  mixer.forms.filter((f) => findPlan(mixer.id, f.id)).map((form) => ({ mixer, form })),
);

gpuDescribe(probe, 'wgsl kernels of §5–§12 rerun to the same output', () => {
  it('covers every form of these mixers', () => {
    expect(forms.length).toBe(14);
  });

  for (const { mixer, form } of forms) {
    it(`${mixer.id}/${form.id}`, async () => {
      const { params, inputs } = pointInputs(mixer, 70, 6, 5, mixer.id === 'ssd' ? { chunk: 16 } : {});
      const kernel = await backend.prepare({ mixer, form, inputs, params, dtype: 'float32' });
      try {
        const first = await kernel.read();
        await kernel.run();
        await kernel.run();
        const again = await kernel.read();
        expect(relativeError(again.output, first.output).maxAbs).toBe(0);
        const reference = (form.reference ?? mixer.reference)(inputs, params);
        expect(relativeError(again.output, reference).relative).toBeLessThanOrEqual(1e-4);
      } finally {
        kernel.release();
      }
    });
  }

  for (const form of mlstm.forms) {
    it(`mlstm/${form.id} with input gates near 700 stays finite and matches`, async () => {
      const { params, inputs } = pointInputs(mlstm, 90, 8);
      const igate = inputs['igate']!;
      // Multiples of 1/8 below 1024 are exact in float32, so the float64 reference sees the same gates.
      const large = { ...inputs, igate: tensor(igate.shape, igate.data.map((x) => 700 + Math.round(400 * x) / 8)) };
      const kernel = await backend.prepare({ mixer: mlstm, form, inputs: large, params, dtype: 'float32' });
      try {
        const { output } = await kernel.read();
        expect(output.data.every(Number.isFinite)).toBe(true);
        expect(relativeError(output, mlstm.reference(large, params)).relative).toBeLessThanOrEqual(1e-4);
      } finally {
        kernel.release();
      }
    });
  }
});
