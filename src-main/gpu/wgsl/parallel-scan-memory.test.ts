/**
 * The parallel scans' memory, stated honestly: a parallel point allocates the cost model's buffers
 * with the sequential ones it replaces swapped for every chunk's state and block (the chunked
 * forms) or with the channel's log decays added (the SSM's matrix), counted here by hand from the
 * shape; its record says so (kernelConfig scan: 'parallel'). Under a memory budget that holds the
 * sequential buffers but not the parallel ones, the point runs sequentially and says why; under
 * one that holds neither, it is refused as over the limit before anything is allocated. The
 * budget is the host's or the sweep's (PrepareRequest.memoryBudgetBytes), whichever is tighter.
 * In-process on Dawn; skipped visibly without an adapter.
 */
import { describe, expect, it } from 'vitest';
import { OverLimitError } from '../../engine/core/errors.js';
import type { Mixer } from '../../engine/core/mixer.js';
import { relativeError } from '../../engine/core/tensor.js';
import { getForm, MIXERS } from '../../engine/registry.js';
import { fileShaderLoader } from '../node/shader-files.js';
import { WgslBackend } from './backend.js';
import { inProcessTestDevice, pointInputs } from './test-host.js';

const { dawn, reason } = await inProcessTestDevice();
const mixer = (id: string): Mixer => MIXERS.find((m) => m.id === id)!;

const backendWith = (mode: 'sequential' | 'parallel', memoryBudgetBytes?: number) =>
  new WgslBackend({
    device: dawn!.device,
    loadShader: fileShaderLoader(),
    host: `test (Dawn, ${dawn!.route})`,
    scan: { mode },
    autotune: false,
    ...(memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes }),
  });

/** L = 130, d = 20, dv = 17, chunk 64: 3 chunks, blocks of 64×64. */
const L = 130;
const d = 20;
const dv = 17;
const chunks = 3;
const qkvy = L * d * 2 + L * dv * 2;

/** Elements by hand: sequential (the cost model's) and parallel, per changed form. */
const CASES = [
  { mixer: 'retention', form: 'chunked', sequential: qkvy + 64 * 64 + d * dv, parallel: qkvy + chunks * 64 * 64 + chunks * d * dv },
  { mixer: 'simple-linear-attention', form: 'chunked', sequential: qkvy + 64 * 64 + d * dv, parallel: qkvy + chunks * 64 * 64 + chunks * d * dv },
  {
    mixer: 'linear-attention',
    form: 'chunked',
    sequential: qkvy + 2 * L * d + 64 * 64 + d * dv + d,
    parallel: qkvy + 2 * L * d + chunks * 64 * 64 + chunks * (d * dv + d),
  },
  // The SSM: D = d channels, r = state = 4; X, Y L×D, Abar L×D×r, B, C L×r, one L×L matrix.
  { mixer: 'ssm', form: 'materialized', sequential: 2 * L * d + L * d * 4 + 2 * L * 4 + L * L, parallel: 2 * L * d + L * d * 4 + 2 * L * 4 + L * L + L * 4 },
];

async function prepared(backend: WgslBackend, mixerId: string, formId: string, memoryBudgetBytes?: number) {
  const m = mixer(mixerId);
  const { params, inputs } = pointInputs(m, L, d, dv);
  const budget = memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes };
  const kernel = await backend.prepare({ mixer: m, form: getForm(m, formId), inputs, params, dtype: 'float32', ...budget });
  try {
    const error = relativeError((await kernel.read()).output, m.reference(inputs, params)).relative;
    return { bytes: kernel.allocatedBytes, config: kernel.kernelConfig, error };
  } finally {
    kernel.release();
  }
}

if (!dawn) describe.skip(`parallel scans' memory — SKIPPED: no WebGPU adapter (${reason})`, () => it('needs an adapter', () => undefined));

if (dawn) {
  describe(`parallel scans' memory — on Dawn ${dawn.route}, ${dawn.adapter.info.description}`, () => {
    for (const c of CASES) {
      it(`${c.mixer}/${c.form}: each configuration allocates what its record says`, async () => {
        const sequential = await prepared(backendWith('sequential'), c.mixer, c.form);
        expect(sequential.bytes).toBe(4 * c.sequential);
        expect(sequential.config?.params['scan']).toBe('sequential');
        const parallel = await prepared(backendWith('parallel'), c.mixer, c.form);
        expect(parallel.bytes).toBe(4 * c.parallel);
        expect(parallel.config?.params['scan']).toBe('parallel');
        expect(parallel.config?.params['scanFallback']).toBeUndefined();
        expect(parallel.error).toBeLessThanOrEqual(1e-4);
      });

      it(`${c.mixer}/${c.form}: a budget that holds only the sequential buffers runs it sequentially and says why; one that holds neither refuses`, async () => {
        const fallback = await prepared(backendWith('parallel', 4 * c.sequential), c.mixer, c.form);
        expect(fallback.bytes).toBe(4 * c.sequential);
        expect(fallback.config?.params['scan']).toBe('sequential');
        expect(String(fallback.config?.params['scanFallback'])).toContain('memory budget');
        expect(fallback.error).toBeLessThanOrEqual(1e-4);
        await expect(prepared(backendWith('parallel', 4 * c.sequential - 4), c.mixer, c.form)).rejects.toBeInstanceOf(OverLimitError);
      });

      it(`${c.mixer}/${c.form}: the sweep's budget in the request holds as the host's does, the tighter of the two winning`, async () => {
        const fallback = await prepared(backendWith('parallel'), c.mixer, c.form, 4 * c.sequential);
        expect(fallback.bytes).toBe(4 * c.sequential);
        expect(String(fallback.config?.params['scanFallback'])).toContain('memory budget');
        const roomy = await prepared(backendWith('parallel', 4 * c.sequential), c.mixer, c.form, 4 * c.parallel);
        expect(roomy.config?.params['scan']).toBe('sequential');
        const free = await prepared(backendWith('parallel'), c.mixer, c.form, 4 * c.parallel);
        expect(free.config?.params['scan']).toBe('parallel');
      });
    }
  });
}
