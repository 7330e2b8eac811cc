/**
 * Runs one form's gpu.js plan as a PreparedKernel: build the stages, run once (compile time: gpu.js
 * compiles on first call), account the bytes, then timed runs and a separate readback.
 * Takes any gpu.js instance; it does not care which host made it.
 */
import type { KernelTiming, PreparedKernel, PrepareRequest } from '../../engine/core/backend.js';
import { inferDims } from '../../engine/core/validate.js';
import { sizeOf, tensor } from '../../engine/core/tensor.js';
import { kernelBackend, type GpujsInstance, type Stage, type StageResult } from './gpujs.js';
import type { Float32Inputs, GpujsForm } from './kernels/index.js';
import { hostInputBytes, stageBytes } from './memory.js';
import { readFlat, releaseResult } from './readback.js';

function toFloat32(request: PrepareRequest): Float32Inputs {
  const out: Record<string, Float32Array> = {};
  for (const spec of request.mixer.tensors) out[spec.name] = Float32Array.from(request.inputs[spec.name]!.data);
  return out;
}

/** Waits until the device has finished the submitted work, so wall time covers the kernels. */
export async function settle(stages: readonly Stage[]): Promise<void> {
  const kernel = stages[stages.length - 1]?.kernel;
  if (!kernel) return;
  const backend = kernelBackend(kernel);
  if (backend === 'webgpu') await kernel._device?.queue.onSubmittedWorkDone();
  else if (backend !== 'cpu' && backend !== 'webasm') kernel.context?.finish?.();
}

function isDeviceless(stages: readonly Stage[]): boolean {
  const backend = stages[0] ? kernelBackend(stages[0].kernel) : 'unknown';
  return backend === 'cpu' || backend === 'webasm';
}

export async function preparePlan(gpu: GpujsInstance, form: GpujsForm, request: PrepareRequest): Promise<PreparedKernel> {
  const dims = inferDims(request.mixer, request.inputs);
  const uploadStart = performance.now();
  const inputs = toFloat32(request);
  const uploadMs = performance.now() - uploadStart;
  const plan = form.build(gpu, dims, request.params);
  let intermediates: StageResult[] = [];
  let output: StageResult | undefined;
  const release = (): void => {
    for (const r of intermediates) releaseResult(r);
    if (output) releaseResult(output);
    intermediates = [];
    output = undefined;
  };
  const runOnce = async (): Promise<KernelTiming> => {
    release();
    const start = performance.now();
    output = await plan.run(inputs, (r) => {
      intermediates.push(r);
      return r;
    });
    await settle(plan.stages);
    return { wallMs: performance.now() - start };
  };
  const compileMs = (await runOnce()).wallMs;
  const deviceBytes = plan.stages.reduce((n, s) => n + stageBytes(s), 0);
  const allocatedBytes = deviceBytes + (isDeviceless(plan.stages) ? hostInputBytes(inputs) : 0);
  return {
    compileMs,
    uploadMs,
    allocatedBytes,
    run: runOnce,
    async read() {
      if (!output) throw new Error('gpu.js plan has no output: it was released');
      const start = performance.now();
      const data = await readFlat(output, sizeOf(plan.outputShape));
      return { output: tensor(plan.outputShape, data), readbackMs: performance.now() - start };
    },
    release() {
      release();
      for (const s of plan.stages) s.destroy();
    },
  };
}
