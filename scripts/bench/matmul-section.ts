/**
 * The matmul section: the register-blocked, vec4 tile of the matmul-shaped stages against the tile
 * before it (shaders/calibrate/matmul-baseline.wgsl: 4×4 per invocation read as scalars), every
 * configuration the autotuner may pick, and the autotuner's choice against the fixed default, all
 * on the calibration matmul at N×N on one Dawn device, samples interleaved across kernels so that a
 * disturbance hits all of them alike. Ratios are medians of first ÷ second (< 1: first faster).
 */
import { parseDawnRoutes, createDawnDevice } from '../../src-main/gpu/node/dawn.js';
import { fileShaderLoader } from '../../src-main/gpu/node/shader-files.js';
import { autotuneMatmul } from '../../src-main/gpu/wgsl/autotune.js';
import { TimedDispatch } from '../../src-main/gpu/wgsl/calibrate.js';
import { DEFAULT_MATMUL, matmulConfigsFor, matmulConstants, matmulIntensity, matmulLabel, type MatmulConfig } from '../../src-main/gpu/wgsl/matmul-config.js';
import { matmulGrid } from '../../src-main/gpu/wgsl/matmul-run.js';
import { PipelineCache } from '../../src-main/gpu/wgsl/pipelines.js';
import { spreadOf, type BenchMedian, type BenchRatio, type BenchSection } from './section.js';

const SIZES = [256, 512];
const SAMPLES = 9;
const BASELINE = 'baseline: 64×64 tile, 4×4 per invocation, scalar loads, depth 16';

const same = (a: MatmulConfig, b: MatmulConfig) => a.microM === b.microM && a.depth === b.depth;

export const matmulSection: BenchSection = {
  id: 'wgsl-matmul-tile',
  title: 'Register-blocked vec4 matmul tile against the scalar 64×64 tile, its configurations, and the autotuner’s choice against the default',
  async run() {
    const dawn = await createDawnDevice(parseDawnRoutes(process.env['MIXSCOPE_DAWN_ROUTES']) ?? ['default', 'opengles-llvmpipe', 'swiftshader-vulkan']);
    const { device } = dawn;
    const pipelines = new PipelineCache(device, fileShaderLoader());
    try {
      const tuning = await autotuneMatmul(device, pipelines);
      const configs = matmulConfigsFor(device.limits);
      const kernels = [
        { name: BASELINE, pipeline: await pipelines.get('calibrate/matmul-baseline.wgsl', 'main') },
        ...(await Promise.all(configs.map(async (c) => ({ name: matmulLabel(c), config: c, pipeline: await pipelines.get('calibrate/matmul.wgsl', 'main', matmulConstants(c)) })))),
      ];
      const medians: BenchMedian[] = [];
      const ratios: BenchRatio[] = [];
      for (const n of SIZES) {
        const buffer = () => device.createBuffer({ size: n * n * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
        const runs = kernels.map((k) => ({ ...k, dispatch: new TimedDispatch(device, k.pipeline, [buffer(), buffer(), buffer()], n, matmulGrid(n)), ms: [] as number[] }));
        for (const r of runs) await r.dispatch.time();
        for (let i = 0; i < SAMPLES; i++) for (const r of runs) r.ms.push((await r.dispatch.time()).ms);
        const median = new Map<string, number>();
        for (const r of runs) {
          const spread = spreadOf(r.ms);
          median.set(r.name, spread.medianMs);
          medians.push({ mixer: 'matmul', form: r.name, backend: 'wgsl', L: n, ...spread, noisy: false });
          r.dispatch.destroy();
        }
        for (const c of configs) ratios.push({ name: `${matmulLabel(c)} ÷ ${BASELINE}`, L: n, ratio: median.get(matmulLabel(c))! / median.get(BASELINE)! });
        const chosen = configs.find((c) => same(c, tuning.config)) ?? DEFAULT_MATMUL;
        ratios.push({ name: `autotuned (${matmulLabel(chosen)}) ÷ default (${matmulLabel(DEFAULT_MATMUL)})`, L: n, ratio: median.get(matmulLabel(chosen))! / median.get(matmulLabel(DEFAULT_MATMUL))! });
      }
      const intensity = [
        { kernel: BASELINE, flopsPerWord: 4, flopsPerLoad: 4 },
        ...configs.map((c) => ({ kernel: matmulLabel(c), ...matmulIntensity(c) })),
      ];
      return { route: dawn.route, adapter: dawn.adapter.info?.description, tuning, intensity, medians, ratios, problems: [] };
    } finally {
      device.destroy();
    }
  },
};
