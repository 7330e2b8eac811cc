/**
 * The wgsl section: (1) the harness overhead, an empty kernel against a ~1 ms kernel on the same
 * device; (2) every form that has both a WGSL and a gpu.js kernel, run through the sweep runner on
 * wgsl (Node worker) and gpujs-webgpu, both on the Dawn adapter route that gpu.js takes, with the
 * median ratio wgsl ÷ gpu.js per form and length.
 */
import type { Backend } from '../../src-main/engine/core/backend.js';
import type { PointRecord } from '../../src-main/engine/record/point.js';
import { MIXERS } from '../../src-main/engine/registry.js';
import { runSweep } from '../../src-main/engine/sweep/run.js';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from '../../src-main/engine/sweep/settings.js';
import { gpujsSupport } from '../../src-main/gpu/gpujs/backend.js';
import { installDawnNavigator, nodeGpujsBackend } from '../../src-main/gpu/gpujs/node-host.js';
import { createDawnDevice } from '../../src-main/gpu/node/dawn.js';
import { fileShaderLoader } from '../../src-main/gpu/node/shader-files.js';
import { spawnWorkerBackend } from '../../src-main/gpu/node/spawn-worker.js';
import { wgslSupport } from '../../src-main/gpu/wgsl/backend.js';
import { measureHarnessOverhead } from '../../src-main/gpu/wgsl/overhead.js';
import { PipelineCache } from '../../src-main/gpu/wgsl/pipelines.js';
import type { BenchMedian, BenchRatio, BenchSection } from './section.js';

/** Small: on a software adapter (SwiftShader, llvmpipe) each run of a quadratic form takes long. */
const BASE: SweepSettings = {
  ...DEFAULT_SWEEP_SETTINGS,
  lengths: [128, 512],
  d: 32,
  dv: 32,
  dtype: 'float32',
  warmup: 1,
  repetitions: 5,
  minTimeMs: 20,
  timeBudgetMs: 3_000,
  backends: ['wgsl', 'gpujs-webgpu'],
  verify: false,
};

function sharedForms(): Record<string, string[]> {
  const forms: Record<string, string[]> = {};
  for (const mixer of MIXERS) {
    const both = mixer.forms.filter((f) => wgslSupport(mixer, f, 'float32').supported && gpujsSupport(mixer, f, 'float32').supported);
    if (both.length > 0) forms[mixer.id] = both.map((f) => f.id);
  }
  return forms;
}

function median(p: PointRecord): BenchMedian | undefined {
  if (p.status !== 'ok' || !p.stats) return undefined;
  return { mixer: p.mixer, form: p.form, backend: p.backend, L: p.L, medianMs: p.stats.p50, p10Ms: p.stats.p10, p90Ms: p.stats.p90, noisy: p.stats.noisy };
}

function ratios(medians: readonly BenchMedian[]): BenchRatio[] {
  const out: BenchRatio[] = [];
  for (const w of medians.filter((m) => m.backend === 'wgsl')) {
    const g = medians.find((m) => m.backend === 'gpujs-webgpu' && m.mixer === w.mixer && m.form === w.form && m.L === w.L);
    if (g && g.medianMs > 0) out.push({ name: `${w.mixer}/${w.form} wgsl ÷ gpujs-webgpu`, L: w.L, ratio: w.medianMs / g.medianMs });
  }
  return out;
}

export const wgslSection: BenchSection = {
  id: 'wgsl-vs-gpujs',
  title: 'WGSL kernels against gpu.js (webgpu) on the same Dawn adapter, and the harness overhead',
  async run() {
    const route = await installDawnNavigator();
    const dawn = await createDawnDevice([route]);
    const overhead = await measureHarnessOverhead(dawn.device, new PipelineCache(dawn.device, fileShaderLoader()));
    dawn.device.destroy();

    const forms = sharedForms();
    const settings: SweepSettings = { ...BASE, mixers: Object.keys(forms), forms };
    const backends: Backend[] = [spawnWorkerBackend({ routes: [route] }), nodeGpujsBackend('webgpu')];
    try {
      const result = await runSweep(settings, backends);
      const medians = result.points.map(median).filter((m): m is BenchMedian => m !== undefined);
      const problems = result.points.filter((p) => p.status !== 'ok').map((p) => `${p.mixer}/${p.form} ${p.backend} L=${p.L}: ${p.status} ${p.reason ?? ''}`.trim());
      return { route, adapter: (await backends[0]!.probe()).adapter, overhead, medians, ratios: ratios(medians), problems };
    } finally {
      await Promise.all(backends.map((b) => b.dispose().catch(() => undefined)));
    }
  },
};
