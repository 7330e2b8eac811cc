/**
 * What the default-parameter conformance suite does not reach, on gpujs-cpu: other chunk and batch
 * sizes, the Hydra skip weight, input gates large enough to overflow e^ĩ without the stabilizer,
 * and FFT lengths that take Bluestein along the hidden axis. Float64 reference, 1e-4 relative.
 */
import { describe, expect, it } from 'vitest';
import type { Inputs, Params } from '../../../engine/core/mixer.js';
import { createRng } from '../../../engine/core/random.js';
import { relativeError, tensor, type Tensor } from '../../../engine/core/tensor.js';
import { resolveParams } from '../../../engine/core/validate.js';
import { getForm, getMixer } from '../../../engine/registry.js';
import { GpujsBackend } from '../backend.js';

const backend = new GpujsBackend('cpu');

async function gpujsOutput(mixerId: string, formId: string, inputs: Inputs, params: Params): Promise<Tensor> {
  const mixer = getMixer(mixerId);
  const prepared = await backend.prepare({ mixer, form: getForm(mixer, formId), inputs, params, dtype: 'float32' });
  try {
    return (await prepared.read()).output;
  } finally {
    prepared.release();
  }
}

interface Case {
  readonly mixer: string;
  readonly form: string;
  readonly L: number;
  readonly d?: number;
  readonly params?: Record<string, number>;
  /** Rewrites the random inputs (e.g. shifts the input gates). */
  readonly edit?: (inputs: Inputs) => Inputs;
}

/**
 * ĩ + 800: e^ĩ overflows even float64 without the stabilizer. Q and K are made positive so that
 * |n_tᵀq_t| stays far from zero: with ĩ this large the clamp max(·, 1) never acts, and a normalizer
 * near zero would amplify the float32 rounding of ĩ itself (half an ulp of 800 is 3e-5).
 */
const largeGates = (inputs: Inputs): Inputs => {
  const positive = (t: Tensor): Tensor => tensor(t.shape, t.data.map(Math.abs));
  const igate = inputs['igate']!;
  return { ...inputs, Q: positive(inputs['Q']!), K: positive(inputs['K']!), igate: tensor(igate.shape, igate.data.map((v) => v + 800)) };
};

const cases: Case[] = [
  { mixer: 'ssd', form: 'chunked', L: 37, params: { chunk: 16 } },
  { mixer: 'ssd', form: 'chunked', L: 130, params: { chunk: 7 } },
  { mixer: 'ttt-linear', form: 'mini-batch', L: 37, params: { batch: 5, eta: 0.2 } },
  { mixer: 'hydra', form: 'materialized', L: 37, params: { Dskip: 0.5 } },
  { mixer: 'hydra', form: 'scan', L: 37, params: { Dskip: 0.5 } },
  { mixer: 'mlstm', form: 'parallel', L: 37, edit: largeGates },
  { mixer: 'mlstm', form: 'recurrent', L: 37, edit: largeGates },
  { mixer: 'fnet', form: 'fft', L: 16, d: 6 },
  { mixer: 'fnet', form: 'fft', L: 37, d: 12 },
];

describe('gpu.js kernels off the default parameters (gpujs-cpu)', () => {
  it.each(cases.map((c) => ({ ...c, name: `${c.mixer} ${c.form} L=${c.L} ${JSON.stringify(c.params ?? {})}${c.edit ? ' ĩ+800' : ''}` })))(
    '$name',
    async (c) => {
      const mixer = getMixer(c.mixer);
      const params = resolveParams(mixer, c.params ?? {});
      const raw = mixer.randomInputs(mixer.dims({ L: c.L, d: c.d ?? 8, dv: 6, state: 4 }, params), createRng(c.L), params);
      const inputs = c.edit ? c.edit(raw) : raw;
      const reference = (getForm(mixer, c.form).reference ?? mixer.reference)(inputs, params);
      const output = await gpujsOutput(c.mixer, c.form, inputs, params);
      expect(output.data.every(Number.isFinite)).toBe(true);
      expect(relativeError(output, reference).relative).toBeLessThan(1e-4);
    },
  );

  it('ttt-linear mini-batch with batches of one token is the recurrence', async () => {
    const mixer = getMixer('ttt-linear');
    const params = resolveParams(mixer, { batch: 1 });
    const inputs = mixer.randomInputs(mixer.dims({ L: 37, d: 8, dv: 6, state: 4 }, params), createRng(3), params);
    const [miniBatch, recurrent] = [await gpujsOutput('ttt-linear', 'mini-batch', inputs, params), await gpujsOutput('ttt-linear', 'recurrent', inputs, params)];
    expect(relativeError(miniBatch, recurrent).relative).toBeLessThan(1e-6);
  });
});
