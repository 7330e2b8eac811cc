/**
 * Every scan configuration the autotuner may pick (scan-config.ts) besides the default that
 * conformance.test.ts runs: every form whose plan has a parallel scan through the conformance
 * suite (1e-4 relative to float64 at L = 1, 37, 130 and 2048, with the parameter variants), on a
 * backend compiled with that configuration, its bytes those of the plan's parallel buffers, and
 * those that also use the register tile (SSD chunked, the chunked linear attentions and retention)
 * with every other tile configuration the device admits, and in float16 (emulated f16
 * storage where the adapter has no shader-f16); and the scan autotuner itself. In-process on Dawn (the
 * test's own device), on the test routes; skipped visibly without an adapter.
 */
import { describe, expect, it } from 'vitest';
import type { BackendProbe } from '../../engine/core/backend.js';
import type { BufferSpec, Dims, Form, Mixer, Params } from '../../engine/core/mixer.js';
import { MIXERS } from '../../engine/registry.js';
import { TOLERANCE } from '../../engine/sweep/measure.js';
import { fileShaderLoader } from '../node/shader-files.js';
import { autotuneScan } from './autotune-scan.js';
import { WgslBackend } from './backend.js';
import { wgslConformance, WGSL_SHAPES } from './conformance-suite.js';
import { DEFAULT_MATMUL, matmulConfigsFor, matmulLabel } from './matmul-config.js';
import { passesOf } from './plan.js';
import { findPlan } from './plans/index.js';
import { DEFAULT_SCAN, hasScanChoice, lookupScans, SCAN_CONFIGS, SCAN_KINDS, scanLabel, storeScans, type ScanConfig } from './scan-config.js';
import { expectFastestCorrect, inProcessTestDevice, pointInputs } from './test-host.js';
import { tuningKey } from './tuning-key.js';

const { dawn, reason } = await inProcessTestDevice();

const scanned = (mixerId: string, formId: string) => {
  const plan = findPlan(mixerId, formId);
  return plan !== undefined && hasScanChoice(plan);
};
const tuned = (mixerId: string, formId: string) => passesOf(findPlan(mixerId, formId)!).some((p) => p.tuning === 'matmul');
const backendWith = (scan: ScanConfig) =>
  new WgslBackend({ device: dawn!.device, loadShader: fileShaderLoader(), host: `test (Dawn, ${dawn!.route})`, scan, autotune: false });

it('the forms with a scan across L have a parallel variant: SSD scan and chunked, Hydra scan, SSM scan and materialized, the chunked linear attentions and retention', () => {
  const forms = MIXERS.flatMap((m) => m.forms.filter((f) => scanned(m.id, f.id)).map((f) => `${m.id}/${f.id}`));
  expect(forms.sort()).toEqual([
    'hydra/scan',
    'linear-attention/chunked',
    'retention/chunked',
    'simple-linear-attention/chunked',
    'ssd/chunked',
    'ssd/scan',
    'ssm/materialized',
    'ssm/scan',
  ]);
});

it('the tuning cache keeps each kind of scan, and a file holding only the state scans is tuned afresh', async () => {
  const entries = new Map<string, ScanConfig>();
  const cache = { lookupScan: async (key: string) => entries.get(key), storeScan: async (key: string, config: ScanConfig) => void entries.set(key, config) };
  const key = tuningKey({ vendor: 'v', architecture: 'a', device: 'd', description: 'card', software: false }, 'route');
  await cache.storeScan(key, { mode: 'parallel' });
  expect(await lookupScans(cache, key)).toBeUndefined();
  const byKind = { state: { mode: 'sequential' }, chunks: { mode: 'parallel' }, matrix: { mode: 'parallel' } } as const;
  await storeScans(cache, key, byKind);
  expect(await lookupScans(cache, key)).toEqual(byKind);
  // Each key is still a tuning key: five strings, the host route last (what the compute window's lent cache admits).
  expect([...entries.keys()].map((k) => JSON.parse(k) as string[])).toEqual([
    ['v', 'a', 'd', 'card', 'route'],
    ['v', 'a', 'd', 'card · scan chunks', 'route'],
    ['v', 'a', 'd', 'card · scan matrix', 'route'],
  ]);
});

/** The buffers a parallel point allocates: the plan's parallel buffers where it declares them (plan.ts). */
const parallelBuffersOf = (mixer: Mixer, form: Form, dims: Dims, params: Params, buffers: readonly BufferSpec[]) =>
  findPlan(mixer.id, form.id)?.parallelBuffers?.(buffers, dims, params) ?? buffers;

if (!dawn) describe.skip(`scan configurations — SKIPPED: no WebGPU adapter (${reason})`, () => it('needs an adapter', () => undefined));

if (dawn) {
  describe(`scan autotuner — on Dawn ${dawn.route}, ${dawn.adapter.info.description}`, () => {
    it('checks and times both configurations on every kind of scan and keeps the faster correct one', async () => {
      const backend = backendWith(DEFAULT_SCAN);
      const prepare = (scan: ScanConfig, request: Parameters<typeof backend.prepare>[0]) => {
        backend.scan = scan;
        return backend.prepare(request);
      };
      const tuning = await autotuneScan(prepare, { L: 512, minTimeMs: 10 });
      expect(tuning.candidates.map((c) => c.config)).toEqual(SCAN_CONFIGS);
      // Each kind of scan is checked and timed on its own forms and keeps its own fastest correct configuration.
      expect(tuning.kinds.map((k) => k.kind)).toEqual(SCAN_KINDS);
      for (const kind of tuning.kinds) expectFastestCorrect(kind);
      expect(tuning.byKind).toEqual(Object.fromEntries(tuning.kinds.map((k) => [k.kind, k.config])));
      expect(tuning.config).toEqual(tuning.byKind.state);
      const forms = ['ssd/scan', 'retention/chunked', 'linear-attention/chunked', 'ssm/materialized'];
      for (const c of tuning.candidates) expect(Object.keys(c.medians ?? {})).toEqual(forms);
      const rejected = await autotuneScan(prepare, { L: 64, minTimeMs: 1, tolerance: 0 });
      expect(rejected.candidates.every((c) => c.rejected !== undefined && c.ms === undefined)).toBe(true);
      expect(rejected.config).toEqual(DEFAULT_SCAN);
      expect(Object.values(rejected.byKind)).toEqual(SCAN_KINDS.map(() => DEFAULT_SCAN));
    });

    it('a parallel point reruns to the same output (every run rewrites what it reads)', async () => {
      const backend = backendWith({ mode: 'parallel' });
      for (const mixer of MIXERS) {
        for (const form of mixer.forms.filter((f) => scanned(mixer.id, f.id))) {
          const { params, inputs } = pointInputs(mixer, 130, 8, 6);
          const kernel = await backend.prepare({ mixer, form, inputs, params, dtype: 'float32' });
          try {
            const first = (await kernel.read()).output.data.slice();
            await kernel.run();
            await kernel.run();
            expect((await kernel.read()).output.data, `${mixer.id}/${form.id}`).toEqual(first);
          } finally {
            kernel.release();
          }
        }
      }
    });

    it('each kind of scan runs its own choice: chunks parallel, the state scans sequential', async () => {
      const backend = backendWith(DEFAULT_SCAN);
      backend.scans = { chunks: { mode: 'parallel' } };
      for (const [mixerId, formId, mode] of [['retention', 'chunked', 'parallel'], ['ssd', 'scan', 'sequential'], ['ssm', 'materialized', 'sequential']] as const) {
        const mixer = MIXERS.find((m) => m.id === mixerId)!;
        const { params, inputs } = pointInputs(mixer, 37, 8);
        const kernel = await backend.prepare({ mixer, form: mixer.forms.find((f) => f.id === formId)!, inputs, params, dtype: 'float32' });
        kernel.release();
        expect(kernel.kernelConfig?.params['scan'], `${mixerId}/${formId}`).toBe(mode);
      }
    });

    it('a point records the scan configuration it ran with, beside the matmul tile where it has one', async () => {
      const backend = backendWith({ mode: 'parallel' });
      const ssd = MIXERS.find((m) => m.id === 'ssd')!;
      for (const [formId, expected] of [
        ['scan', { kernel: 'wgsl-scan', params: { scan: 'parallel' }, source: 'default' }],
        ['chunked', { kernel: 'wgsl-matmul-tile', params: { microM: 4, depth: 16, scan: 'parallel' }, source: 'default' }],
      ] as const) {
        const { params, inputs } = pointInputs(ssd, 37, 8);
        const kernel = await backend.prepare({ mixer: ssd, form: ssd.forms.find((f) => f.id === formId)!, inputs, params, dtype: 'float32' });
        kernel.release();
        expect(kernel.kernelConfig).toEqual(expected);
      }
    });
  });

  for (const config of SCAN_CONFIGS.filter((c) => c.mode !== DEFAULT_SCAN.mode)) {
    const backend = backendWith(config);
    const probe: BackendProbe = await backend.probe();
    wgslConformance(backend, { ...probe, host: `${probe.host}, ${scanLabel(config)}` }, {
      shapesOf: (mixer, form) => (scanned(mixer.id, form.id) ? WGSL_SHAPES : []),
      buffersOf: parallelBuffersOf,
    });
    // float16 (f16 storage, f32 scans): on emulated f16 storage where the adapter has no shader-f16.
    const half = new WgslBackend({ device: dawn.device, loadShader: fileShaderLoader(), host: `test (Dawn, ${dawn.route})`, scan: config, autotune: false, emulateF16: true });
    const halfProbe = await half.probe();
    const storage = dawn.device.features.has('shader-f16') ? 'shader-f16' : 'emulated f16 storage';
    wgslConformance(half, halfProbe, {
      dtype: 'float16',
      title: `wgsl float16 kernels (${storage}), ${scanLabel(config)}, match the float64 reference within ${TOLERANCE.float16}`,
      shapesOf: (mixer, form) => (scanned(mixer.id, form.id) ? WGSL_SHAPES : []),
      buffersOf: parallelBuffersOf,
    });
    // The forms with both a scan and the register tile (SSD chunked) under every other tile too.
    for (const matmul of matmulConfigsFor(dawn.device.limits).filter((c) => c.microM !== DEFAULT_MATMUL.microM || c.depth !== DEFAULT_MATMUL.depth)) {
      const both = new WgslBackend({ device: dawn.device, loadShader: fileShaderLoader(), host: `test (Dawn, ${dawn.route})`, scan: config, matmul, autotune: false });
      wgslConformance(both, { ...probe, host: `${probe.host}, ${scanLabel(config)}, ${matmulLabel(matmul)}` }, {
        shapesOf: (mixer, form) => (scanned(mixer.id, form.id) && tuned(mixer.id, form.id) ? WGSL_SHAPES : []),
        buffersOf: parallelBuffersOf,
      });
    }
  }
}
