/**
 * The scan section: the parallel scan across L (common/segment-scan.wgsl, SSD's segmented chunk
 * carry, the chunked linear attentions' and retention's scan across chunks, the SSM's tiled
 * matrix) against the sequential token or chunk loop it may replace, on every form that has both
 * (SSD scan and chunked, SSM scan and materialized, Hydra scan, linear attention, simplified
 * linear attention and retention chunked), each prepared on one Dawn device by two backends that differ
 * only in their scan configuration, samples interleaved so that a disturbance hits both alike;
 * ratios are medians of parallel ÷ sequential (< 1: parallel faster). Also the autotuner's choice
 * on this device, and the arithmetic intensity per workgroup-memory load of the stages that moved
 * onto the register tile (computed, not measured).
 */
import type { PreparedKernel } from '../../src-main/engine/core/backend.js';
import type { Mixer } from '../../src-main/engine/core/mixer.js';
import { createRng } from '../../src-main/engine/core/random.js';
import { relativeError } from '../../src-main/engine/core/tensor.js';
import { resolveParams } from '../../src-main/engine/core/validate.js';
import { MIXERS } from '../../src-main/engine/registry.js';
import { createDawnDevice, parseDawnRoutes } from '../../src-main/gpu/node/dawn.js';
import { fileShaderLoader } from '../../src-main/gpu/node/shader-files.js';
import { autotuneScan } from '../../src-main/gpu/wgsl/autotune-scan.js';
import { WgslBackend } from '../../src-main/gpu/wgsl/backend.js';
import { matmulConfigsFor, matmulIntensity, matmulLabel } from '../../src-main/gpu/wgsl/matmul-config.js';
import { findPlan } from '../../src-main/gpu/wgsl/plans/index.js';
import { hasScanChoice, type ScanConfig } from '../../src-main/gpu/wgsl/scan-config.js';
import { raceKernels, spreadOf, type BenchMedian, type BenchRatio, type BenchSection } from './section.js';

const LENGTHS = [512, 4096];
/** The SSM's materialized matrix is L² per channel: shorter, so that a software adapter finishes the section. */
const QUADRATIC_LENGTHS = [256, 1024];
/** N = P = 16 (SSD, Hydra), d = dv = 16 (the chunked forms), D = 16 channels of r = 16 states (SSM): a device far from full. */
const WIDTH = 16;
const SAMPLES = 9;

function pointInputs(mixer: Mixer, L: number) {
  const params = resolveParams(mixer, {});
  const dims = mixer.dims({ L, d: WIDTH, dv: WIDTH, state: WIDTH }, params);
  return { params, inputs: mixer.randomInputs(dims, createRng(L), params) };
}


/** FLOPs per word and per load from workgroup memory in the inner loop of the stages' tiles before this change. */
const OLD_TILES = [
  { stage: 'chunk-scores, chunk-state, chunk-output (retention): 16×16 tile, 1 output per invocation, scalar loads', flopsPerWord: 1, flopsPerLoad: 1 },
  { stage: 'chunk-output (linear attention, with denominator): 2 FMAs per 3 scalar loads', flopsPerWord: 4 / 3, flopsPerLoad: 4 / 3 },
  { stage: 'ssd/states, hydra/matrix off the diagonal: 64×64 tile, 4×4 per invocation, scalar loads', flopsPerWord: 4, flopsPerLoad: 4 },
  { stage: 'hydra/matrix diagonal tiles: 4×4 twice from 12 scalar loads', flopsPerWord: 16 / 3, flopsPerLoad: 16 / 3 },
];

export const scanSection: BenchSection = {
  id: 'wgsl-scan',
  title: 'Parallel scan across L against the sequential token or chunk loop (SSD, SSM, Hydra, the chunked linear attentions and retention), the scan autotuner’s choice, and the intensity of the stages moved onto the register tile',
  async run() {
    const dawn = await createDawnDevice(parseDawnRoutes(process.env['MIXSCOPE_DAWN_ROUTES']) ?? ['default', 'opengles-llvmpipe', 'swiftshader-vulkan']);
    const { device } = dawn;
    const backendWith = (scan: ScanConfig) => new WgslBackend({ device, loadShader: fileShaderLoader(), host: `bench (Dawn, ${dawn.route})`, scan, autotune: false });
    const sequential = backendWith({ mode: 'sequential' });
    const parallel = backendWith({ mode: 'parallel' });
    const medians: BenchMedian[] = [];
    const ratios: BenchRatio[] = [];
    const problems: string[] = [];
    try {
      const tuner = backendWith({ mode: 'sequential' });
      const tuning = await autotuneScan((scan, request) => {
        tuner.scan = scan;
        return tuner.prepare(request);
      });
      const forms = MIXERS.flatMap((mixer) => mixer.forms.filter((f) => hasScanChoice(findPlan(mixer.id, f.id) ?? { uniforms: [], passes: [] })).map((form) => ({ mixer, form })));
      for (const { mixer, form } of forms) {
        for (const L of form.scaling === 'quadratic' ? QUADRATIC_LENGTHS : LENGTHS) {
          const { params, inputs } = pointInputs(mixer, L);
          const kernels: { name: string; kernel: PreparedKernel; ms: number[] }[] = [];
          try {
            for (const [name, backend] of [['sequential', sequential], ['parallel', parallel]] as const) {
              kernels.push({ name, kernel: await backend.prepare({ mixer, form, inputs, params, dtype: 'float32' }), ms: [] });
            }
            const [seq, par] = kernels as [(typeof kernels)[0], (typeof kernels)[0]];
            const agreement = relativeError((await par.kernel.read()).output, (await seq.kernel.read()).output).relative;
            if (!(agreement <= 1e-4)) problems.push(`${mixer.id}/${form.id} at L=${L}: parallel and sequential differ by ${agreement}`);
            await raceKernels(kernels, SAMPLES);
            const median = new Map<string, number>();
            for (const k of kernels) {
              const spread = spreadOf(k.ms);
              median.set(k.name, spread.medianMs);
              medians.push({ mixer: mixer.id, form: `${form.id} (${k.name} scan)`, backend: 'wgsl', L, ...spread, noisy: false });
            }
            ratios.push({ name: `${mixer.id}/${form.id} parallel scan ÷ sequential scan`, L, ratio: median.get('parallel')! / median.get('sequential')! });
          } catch (err) {
            problems.push(`${mixer.id}/${form.id} at L=${L}: ${err instanceof Error ? err.message : String(err)}`);
          } finally {
            for (const k of kernels) k.kernel.release();
          }
        }
      }
      const intensity = {
        before: OLD_TILES,
        after: matmulConfigsFor(device.limits).map((c) => ({ stage: `chunk-*, ssd/states, hydra/matrix: ${matmulLabel(c)}, vec4 loads`, ...matmulIntensity(c) })),
      };
      return { route: dawn.route, adapter: dawn.adapter.info?.description, tuning, intensity, medians, ratios, problems };
    } finally {
      device.destroy();
    }
  },
};
