/**
 * The fused softmax section: the register-blocked fused kernel (shaders/softmax-attention/fused.wgsl)
 * in every configuration the device admits against the scalar kernel it replaced
 * (fused-scalar.wgsl: 32 rows × 8 lanes, one score per key per lane, scalar loads), and the fused
 * autotuner's choice against the fixed default, on one Dawn device at d = dv = 64, samples
 * interleaved across kernels so that a disturbance hits all of them alike. Each output is checked
 * against the scalar kernel's first. Ratios are medians of first ÷ second (< 1: first faster); also
 * the arithmetic intensity per workgroup-memory load of both kernels (computed, not measured).
 */
import type { PreparedKernel } from '../../src-main/engine/core/backend.js';
import { createRng } from '../../src-main/engine/core/random.js';
import { relativeError } from '../../src-main/engine/core/tensor.js';
import { inferDims, resolveParams } from '../../src-main/engine/core/validate.js';
import { softmaxAttention } from '../../src-main/engine/mixers/softmax-attention/index.js';
import { getForm } from '../../src-main/engine/registry.js';
import { createDawnDevice, parseDawnRoutes } from '../../src-main/gpu/node/dawn.js';
import { fileShaderLoader } from '../../src-main/gpu/node/shader-files.js';
import { autotuneFused } from '../../src-main/gpu/wgsl/autotune-fused.js';
import { WgslBackend } from '../../src-main/gpu/wgsl/backend.js';
import { createStorageBuffers } from '../../src-main/gpu/wgsl/buffers.js';
import { DEFAULT_FUSED, fusedConfigsFor, fusedIntensity, fusedLabel, sameFused, SCALAR_FUSED_INTENSITY } from '../../src-main/gpu/wgsl/fused-config.js';
import { buildDispatches, WgslKernel } from '../../src-main/gpu/wgsl/kernel.js';
import { PipelineCache } from '../../src-main/gpu/wgsl/pipelines.js';
import { grid1d, type FormPlan, type PassPlan } from '../../src-main/gpu/wgsl/plan.js';
import { softmaxAttentionPlan } from '../../src-main/gpu/wgsl/plans/softmax-attention.js';
import { uploadInputs } from '../../src-main/gpu/wgsl/upload.js';
import { raceKernels, spreadOf, type BenchMedian, type BenchRatio, type BenchSection } from './section.js';

const LENGTHS = [512, 2048];
const WIDTH = 64;
const SAMPLES = 9;
const BASELINE = 'scalar: 32 rows × 8 lanes, 1×4 scores per invocation, scalar loads';
const form = getForm(softmaxAttention, 'fused');


function request(L: number) {
  const params = resolveParams(softmaxAttention, {});
  const dims = softmaxAttention.dims({ L, d: WIDTH, dv: WIDTH, state: 4 }, params);
  return { mixer: softmaxAttention, form, params, inputs: softmaxAttention.randomInputs(dims, createRng(L), params), dtype: 'float32' as const };
}

/** The scalar kernel as a one-pass plan, prepared as the backend prepares a point (float32). */
async function scalarKernel(device: GPUDevice, pipelines: PipelineCache, req: ReturnType<typeof request>): Promise<PreparedKernel> {
  const pass: PassPlan = { shader: 'softmax-attention/fused-scalar.wgsl', entry: 'main', storage: ['Q', 'K', 'V', 'Y'], workgroups: (dims) => grid1d(dims['L']!, 32) };
  const plan: FormPlan = { uniforms: softmaxAttentionPlan['fused']!.uniforms, passes: [pass] };
  const dims = inferDims(softmaxAttention, req.inputs);
  const buffers = form.cost(dims, req.params).buffers;
  const storage = createStorageBuffers(device, buffers);
  const parts = { device, plan, pipelines: new Map([[pass, await pipelines.get(pass.shader, pass.entry)]]), storage, dims, params: req.params, outputShape: [dims['L']!, dims['dv']!], where: 'bench scalar fused' };
  const { dispatches, auxiliary } = buildDispatches(parts);
  const kernel = new WgslKernel(parts, dispatches, auxiliary, () => undefined);
  await uploadInputs(device, storage, req.inputs, buffers, parts.where);
  await kernel.run();
  return kernel;
}

export const fusedSection: BenchSection = {
  id: 'wgsl-fused-softmax',
  title: 'Register-blocked fused softmax against the scalar fused kernel, its configurations, and the autotuner’s choice against the default',
  async run() {
    const dawn = await createDawnDevice(parseDawnRoutes(process.env['MIXSCOPE_DAWN_ROUTES']) ?? ['default', 'opengles-llvmpipe', 'swiftshader-vulkan']);
    const { device } = dawn;
    const backend = new WgslBackend({ device, loadShader: fileShaderLoader(), host: `bench (Dawn, ${dawn.route})`, autotune: false });
    const pipelines = new PipelineCache(device, fileShaderLoader());
    const configs = fusedConfigsFor(device.limits);
    const medians: BenchMedian[] = [];
    const ratios: BenchRatio[] = [];
    const problems: string[] = [];
    try {
      const tuning = await autotuneFused((config, req) => {
        backend.fused = config;
        return backend.prepare(req);
      }, { configs });
      for (const L of LENGTHS) {
        const req = request(L);
        const kernels: { name: string; kernel: PreparedKernel; ms: number[] }[] = [];
        try {
          kernels.push({ name: BASELINE, kernel: await scalarKernel(device, pipelines, req), ms: [] });
          for (const config of configs) {
            backend.fused = config;
            kernels.push({ name: fusedLabel(config), kernel: await backend.prepare(req), ms: [] });
          }
          const reference = (await kernels[0]!.kernel.read()).output;
          for (const k of kernels.slice(1)) {
            const error = relativeError((await k.kernel.read()).output, reference).relative;
            if (!(error <= 1e-4)) problems.push(`${k.name} at L=${L}: differs from the scalar kernel by ${error}`);
          }
          await raceKernels(kernels, SAMPLES);
          const median = new Map<string, number>();
          for (const k of kernels) {
            const spread = spreadOf(k.ms);
            median.set(k.name, spread.medianMs);
            medians.push({ mixer: 'softmax-attention', form: `fused (${k.name})`, backend: 'wgsl', L, ...spread, noisy: false });
          }
          for (const c of configs) ratios.push({ name: `${fusedLabel(c)} ÷ ${BASELINE}`, L, ratio: median.get(fusedLabel(c))! / median.get(BASELINE)! });
          const chosen = configs.find((c) => sameFused(c, tuning.config)) ?? DEFAULT_FUSED;
          ratios.push({ name: `autotuned (${fusedLabel(chosen)}) ÷ default (${fusedLabel(DEFAULT_FUSED)})`, L, ratio: median.get(fusedLabel(chosen))! / median.get(fusedLabel(DEFAULT_FUSED))! });
        } catch (err) {
          problems.push(`L=${L}: ${err instanceof Error ? err.message : String(err)}`);
        } finally {
          for (const k of kernels) k.kernel.release();
        }
      }
      const intensity = [{ kernel: BASELINE, ...SCALAR_FUSED_INTENSITY }, ...configs.map((c) => ({ kernel: fusedLabel(c), ...fusedIntensity(c) }))];
      return { route: dawn.route, adapter: dawn.adapter.info?.description, tuning, intensity, medians, ratios, problems };
    } finally {
      device.destroy();
    }
  },
};
