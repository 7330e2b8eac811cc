/**
 * Every configuration the autotuner may pick (matmul-config.ts), besides the default that
 * conformance.test.ts runs: the calibration matmul against float64 at sizes that are not multiples
 * of the tile, and every form with a matmul-shaped pass through the conformance suite (1e-4
 * relative), each on a backend compiled with that configuration. In-process on Dawn (the test's
 * own device), on the test routes; skipped visibly without an adapter.
 * By default at L = 1, 37 and 130 with default parameters (about 3 minutes on llvmpipe);
 * MIXSCOPE_MATMUL_CONFIGS=full adds L = 2048 and the parameter variants (about 15 minutes there).
 */
import { describe, expect, it } from 'vitest';
import type { BackendProbe } from '../../engine/core/backend.js';
import { createRng } from '../../engine/core/random.js';
import { fileShaderLoader } from '../node/shader-files.js';
import { WgslBackend } from './backend.js';
import { wgslConformance, WGSL_SHAPES } from './conformance-suite.js';
import { DEFAULT_MATMUL, matmulConfigsFor, matmulConstants, matmulLabel, type MatmulConfig } from './matmul-config.js';
import { autotuneMatmul } from './autotune.js';
import { float64Matmul, relativeMaxError, runMatmul } from './matmul-run.js';
import { PipelineCache } from './pipelines.js';
import { passesOf } from './plan.js';
import { findPlan } from './plans/index.js';
import { expectFastestCorrect, inProcessTestDevice } from './test-host.js';

const { dawn, reason } = await inProcessTestDevice();

const configs = dawn ? matmulConfigsFor(dawn.device.limits) : [];
const FULL = process.env['MIXSCOPE_MATMUL_CONFIGS'] === 'full';
const SHAPES = FULL ? WGSL_SHAPES : WGSL_SHAPES.filter((s) => s.L < 2048);
const SCOPE = FULL ? 'L = 1, 37, 130, 2048 and variants' : 'L = 1, 37, 130 (MIXSCOPE_MATMUL_CONFIGS=full adds L = 2048 and variants)';
const isDefault = (c: MatmulConfig) => c.microM === DEFAULT_MATMUL.microM && c.depth === DEFAULT_MATMUL.depth;
const tuned = (mixerId: string, formId: string) => passesOf(findPlan(mixerId, formId)!).some((p) => p.tuning === 'matmul');

if (dawn) {
  const device = dawn.device;
  describe(`matmul autotuner — on Dawn ${dawn.route}, ${dawn.adapter.info.description}`, () => {
    it('checks and times every admitted configuration and keeps the fastest correct one', async () => {
      const tuning = await autotuneMatmul(device, new PipelineCache(device, fileShaderLoader()), { maxN: 256, minTimeMs: 20 });
      expect(tuning.candidates.map((c) => c.config)).toEqual(configs);
      expectFastestCorrect(tuning);
    });

    it('never keeps a configuration that fails its check: with tolerance 0 every one is rejected and the default stays', async () => {
      const tuning = await autotuneMatmul(device, new PipelineCache(device, fileShaderLoader()), { maxN: 128, minTimeMs: 1, tolerance: 0, configs: configs.slice(0, 2) });
      expect(tuning.candidates.every((c) => c.rejected !== undefined && c.ms === undefined)).toBe(true);
      expect(tuning.config).toEqual(DEFAULT_MATMUL);
    });

    it('calibration autotunes, and the points that follow compile with the kept configuration', async () => {
      const backend = new WgslBackend({ device, loadShader: fileShaderLoader(), host: 'test' });
      expect(backend.matmul).toEqual(DEFAULT_MATMUL);
      const roof = await backend.calibrate('float32');
      expect(roof.peakMatmulGflops).toBeGreaterThan(0);
      expect(backend.tuning).toBeDefined();
      expect(backend.matmul).toEqual(backend.tuning!.config);
    });
  });
}

if (!dawn) describe.skip(`matmul configurations — SKIPPED: no WebGPU adapter (${reason})`, () => it('needs an adapter', () => undefined));

for (const config of configs) {
  const device = dawn!.device;
  const backend = new WgslBackend({ device, loadShader: fileShaderLoader(), host: `test (Dawn, ${dawn!.route})`, matmul: config, autotune: false });
  const probe: BackendProbe = await backend.probe();

  describe(`calibration matmul, ${matmulLabel(config)}`, () => {
    it.each([1, 37, 130, 257])('N = %i matches float64 within 1e-4', async (n) => {
      const rng = createRng(n);
      const a = Float32Array.from({ length: n * n }, () => rng.uniform() * 2 - 1);
      const b = Float32Array.from({ length: n * n }, () => rng.uniform() * 2 - 1);
      const c = await runMatmul(device, fileShaderLoader(), matmulConstants(config), a, b, n);
      expect(relativeMaxError(c, float64Matmul(a, b, n))).toBeLessThanOrEqual(1e-4);
    });
  });

  // The default runs the whole suite in conformance.test.ts.
  if (!isDefault(config)) wgslConformance(backend, { ...probe, host: `${probe.host}, ${matmulLabel(config)}, ${SCOPE}` }, {
      shapesOf: (mixer, form) => (tuned(mixer.id, form.id) ? SHAPES : []),
      variants: FULL,
    });
}
