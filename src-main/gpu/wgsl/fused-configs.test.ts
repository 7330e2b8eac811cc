/**
 * Every configuration of the register-blocked fused softmax kernel the autotuner may pick
 * (fused-config.ts): softmax's fused form through the conformance suite (1e-4 relative to float64
 * at L = 1, 37, 130 and 2048 with the parameter variant, and at a dv wider than one value slab), in
 * float32 and in float16 (emulated f16 storage where the adapter has no shader-f16), each on a
 * backend compiled with that configuration; the fused autotuner itself, and calibration's use of the
 * tuning cache (a cached choice reused, a file written before the fused kernel was tuned tuned
 * afresh). In-process on Dawn (the test's own device), on the test routes; skipped visibly without
 * an adapter.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { softmaxAttention } from '../../engine/mixers/softmax-attention/index.js';
import { getForm } from '../../engine/registry.js';
import { TOLERANCE } from '../../engine/sweep/measure.js';
import { fileShaderLoader } from '../node/shader-files.js';
import { fileTuningCache, TUNING_CACHE_FILE } from '../node/tuning-cache.js';
import { autotuneFused, type PrepareWithFused } from './autotune-fused.js';
import { WgslBackend } from './backend.js';
import { wgslConformance, WGSL_SHAPES, type WgslShape } from './conformance-suite.js';
import { DEFAULT_FUSED, FUSED_CONFIGS, fusedConfigsFor, fusedLabel, fusedSlabColumns, fusedWorkgroupBytes, fusedInvocations, type FusedConfig } from './fused-config.js';
import { adapterInfoOf } from './probe.js';
import { expectFastestCorrect, inProcessTestDevice, pointInputs } from './test-host.js';
import { tuningKey } from './tuning-key.js';

const { dawn, reason } = await inProcessTestDevice();
const configs = dawn ? fusedConfigsFor(dawn.device.limits) : [];
/** The conformance shapes, and one whose dv spans two slabs of the narrowest configuration and more. */
const SHAPES: readonly WgslShape[] = [...WGSL_SHAPES, { L: 130, d: 20, dv: 150 }];
const isFused = (mixerId: string, formId: string) => mixerId === 'softmax-attention' && formId === 'fused';
const fused = getForm(softmaxAttention, 'fused');
const backendWith = (config: FusedConfig, extra: Partial<ConstructorParameters<typeof WgslBackend>[0]> = {}) =>
  new WgslBackend({ device: dawn!.device, loadShader: fileShaderLoader(), host: `test (Dawn, ${dawn!.route})`, fused: config, autotune: false, ...extra });

describe('fused configurations', () => {
  it('fit WebGPU’s default limits (16 KiB, 256 invocations) except the 128-row one, which needs 24 KiB', () => {
    const defaults = { maxComputeWorkgroupStorageSize: 16384, maxComputeInvocationsPerWorkgroup: 256 };
    expect(fusedConfigsFor(defaults)).toEqual(FUSED_CONFIGS.filter((c) => c.rows < 128));
    expect(FUSED_CONFIGS.map(fusedWorkgroupBytes)).toEqual([9216, 14336, 14336, 24576]);
    expect(FUSED_CONFIGS.map(fusedInvocations)).toEqual([64, 128, 64, 128]);
    expect(FUSED_CONFIGS.map(fusedSlabColumns)).toEqual([128, 128, 64, 64]);
  });
});

if (!dawn) describe.skip(`fused configurations on a device — SKIPPED: no WebGPU adapter (${reason})`, () => it('needs an adapter', () => undefined));

if (dawn) {
  describe(`fused autotuner — on Dawn ${dawn.route}, ${dawn.adapter.info.description}`, () => {
    const tuner = backendWith(DEFAULT_FUSED);
    const prepare: PrepareWithFused = (config, request) => {
      tuner.fused = config;
      return tuner.prepare(request);
    };

    it('checks and times every admitted configuration and keeps the fastest correct one', async () => {
      const tuning = await autotuneFused(prepare, { configs, L: 256, d: 32, minTimeMs: 10 });
      expect(tuning.candidates.map((c) => c.config)).toEqual(configs);
      expectFastestCorrect(tuning);
    });

    it('never keeps a configuration that fails its check: with tolerance 0 every one is rejected and the default stays', async () => {
      const tuning = await autotuneFused(prepare, { configs: configs.slice(1, 3), L: 64, d: 8, minTimeMs: 1, tolerance: 0 });
      expect(tuning.candidates.every((c) => c.rejected !== undefined && c.ms === undefined)).toBe(true);
      expect(tuning.config).toEqual(DEFAULT_FUSED);
    });

    it('a point records the configuration it ran with', async () => {
      const config = configs[configs.length - 1]!;
      const { params, inputs } = pointInputs(softmaxAttention, 37, 8);
      const kernel = await backendWith(config).prepare({ mixer: softmaxAttention, form: fused, inputs, params, dtype: 'float32' });
      kernel.release();
      expect(kernel.kernelConfig).toEqual({ kernel: 'wgsl-fused-softmax', params: { rows: config.rows, keys: 32, rowsPerInvocation: config.rowsPerInvocation }, source: 'default' });
    });

    const dir = mkdtempSync(join(tmpdir(), 'mixscope-fused-tuning-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('calibration reuses a cached fused choice, and tunes afresh where the cache file predates it', async () => {
      const cached = configs[configs.length - 1]!;
      const key = tuningKey(adapterInfoOf(dawn.device.adapterInfo), 'test');
      // A file written before the fused kernel was tuned: its tile and scan read, the fused choice misses.
      const old = { format: 'mixscope-wgsl-tuning', version: 1, matmul: { [key]: { microM: 4, depth: 16, storedAt: 'x' } }, scan: { [key]: { mode: 'sequential', storedAt: 'x' } } };
      writeFileSync(join(dir, TUNING_CACHE_FILE), JSON.stringify(old));
      const cache = fileTuningCache(dir);
      expect(await cache.lookup(key)).toEqual({ microM: 4, depth: 16 });
      expect(await cache.lookupFused(key)).toBeUndefined();

      const fresh = new WgslBackend({ device: dawn.device, loadShader: fileShaderLoader(), host: 'test', tuningCache: cache });
      await fresh.calibrate('float32');
      expect(fresh.fusedSource).toBe('autotuned');
      expect(fresh.fusedTuning!.candidates.map((c) => c.config)).toEqual(configs);
      // Timed at an L grown from 512 until the default's run is long enough to time (d = dv = 64).
      expect(fresh.fusedTuning!.shape).toMatchObject({ d: 64, dv: 64 });
      expect(Math.log2(fresh.fusedTuning!.shape.L / 512) % 1).toBe(0);
      expect(await cache.lookupFused(key)).toEqual(fresh.fused);
      expect(await cache.lookupScan!(key)).toEqual({ mode: 'sequential' });

      await cache.storeFused(key, cached);
      const again = new WgslBackend({ device: dawn.device, loadShader: fileShaderLoader(), host: 'test', tuningCache: cache });
      await again.calibrate('float32');
      expect(again.fusedTuning).toBeUndefined();
      expect([again.fused, again.fusedSource]).toEqual([cached, 'cached']);
    }, 300_000);
  });

  for (const config of configs) {
    const backend = backendWith(config);
    const probe = await backend.probe();
    wgslConformance(backend, { ...probe, host: `${probe.host}, fused ${fusedLabel(config)}` }, { shapesOf: (m, f) => (isFused(m.id, f.id) ? SHAPES : []) });
    const half = backendWith(config, { emulateF16: true });
    const storage = dawn.device.features.has('shader-f16') ? 'shader-f16' : 'emulated f16 storage';
    wgslConformance(half, await half.probe(), {
      dtype: 'float16',
      title: `wgsl float16 kernels (${storage}), fused ${fusedLabel(config)}, match the float64 reference within ${TOLERANCE.float16}`,
      shapesOf: (m, f) => (isFused(m.id, f.id) ? SHAPES : []),
    });
  }
}
