/**
 * One prepared point on a GPUDevice: its storage buffers (the cost model's), the `params` uniform,
 * one bind group per dispatch, and a single compute pass that runs the plan's passes in order
 * (WebGPU orders storage writes between dispatches of one pass).
 */
import type { KernelConfig, KernelTiming, PreparedKernel } from '../../engine/core/backend.js';
import type { Dims, Params } from '../../engine/core/mixer.js';
import { MixscopeError } from '../../engine/core/errors.js';
import { unpackHalf } from '../../engine/core/half.js';
import { sizeOf, tensor, type Tensor } from '../../engine/core/tensor.js';
import { createStepBuffer, createUniformBuffer } from './buffers.js';
import { isLoop, storageOf, type FormPlan, type PassPlan } from './plan.js';
import { createPassTimer } from './timer.js';

export interface Dispatch {
  readonly pipeline: GPUComputePipeline;
  readonly main: GPUBindGroup;
  /** The step index of a pass inside a loop. */
  readonly step?: GPUBindGroup;
  readonly workgroups: readonly [number, number, number];
}

export interface KernelParts {
  readonly device: GPUDevice;
  readonly plan: FormPlan;
  readonly pipelines: ReadonlyMap<PassPlan, GPUComputePipeline>;
  readonly storage: Map<string, GPUBuffer>;
  readonly dims: Dims;
  readonly params: Params;
  readonly outputShape: readonly number[];
  readonly where: string;
  /** Packed f16 output (float16 dtype on shader-f16) is unpacked on read; f32 otherwise. */
  readonly outputF16?: boolean;
}

/** The plan's steps in submission order, loops unrolled; also the uniform and step buffers made. */
export function buildDispatches(parts: KernelParts): { dispatches: Dispatch[]; auxiliary: GPUBuffer[] } {
  const { device, plan, dims, params, storage } = parts;
  const uniform = createUniformBuffer(device, plan.uniforms, dims, params);
  const auxiliary = [uniform];
  const maxGroups = device.limits.maxComputeWorkgroupsPerDimension;

  const prepared = (pass: PassPlan) => {
    const pipeline = parts.pipelines.get(pass)!;
    const [x, y = 1, z = 1] = pass.workgroups(dims, params);
    if (Math.max(x, y, z) > maxGroups) {
      throw new MixscopeError(`${parts.where}: pass ${pass.shader} needs ${Math.max(x, y, z)} workgroups in one dimension, over the device's ${maxGroups}`, 'over-limit');
    }
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: uniform } }];
    storageOf(pass, params).forEach((name, i) => {
      const buffer = storage.get(name);
      if (!buffer) throw new MixscopeError(`${parts.where}: pass ${pass.shader} binds '${name}', which the cost model does not list`, 'unsupported');
      entries.push({ binding: i + 1, resource: { buffer } });
    });
    const main = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
    return { pipeline, main, workgroups: [x, y, z] as const };
  };

  const dispatches: Dispatch[] = [];
  for (const step of plan.passes) {
    if (!isLoop(step)) {
      if (step.workgroups(dims, params).every((n) => n === undefined || n > 0)) dispatches.push(prepared(step));
      continue;
    }
    const count = step.count(dims, params);
    if (count <= 0) continue;
    const steps = createStepBuffer(device, count);
    auxiliary.push(steps.buffer);
    const body = step.loop.map((pass) => ({ ...prepared(pass), layout: parts.pipelines.get(pass)!.getBindGroupLayout(1) }));
    for (let i = 0; i < count; i++) {
      const resource = { buffer: steps.buffer, offset: i * steps.stride, size: 4 };
      for (const pass of body) {
        const stepGroup = device.createBindGroup({ layout: pass.layout, entries: [{ binding: 0, resource }] });
        dispatches.push({ pipeline: pass.pipeline, main: pass.main, step: stepGroup, workgroups: pass.workgroups });
      }
    }
  }
  return { dispatches, auxiliary };
}

export class WgslKernel implements PreparedKernel {
  compileMs = 0;
  uploadMs = 0;
  readonly allocatedBytes: number;
  /** Uniform, step, timestamp and readback buffers: reported apart from the cost model's bytes. */
  readonly auxiliaryBytes: number;
  /** The register tile's configuration, set by the backend when a pass compiles with it. */
  kernelConfig?: KernelConfig;
  private readonly timer;
  private readonly staging: GPUBuffer;
  private readonly output: GPUBuffer;

  constructor(
    private readonly parts: KernelParts,
    private readonly dispatches: readonly Dispatch[],
    private readonly auxiliary: readonly GPUBuffer[],
    private readonly checkAlive: () => void,
  ) {
    const { device, storage, plan } = parts;
    this.allocatedBytes = [...storage.values()].reduce((n, b) => n + b.size, 0);
    const outputName = plan.output ?? 'Y';
    const output = storage.get(outputName);
    if (!output) throw new MixscopeError(`${parts.where}: the cost model lists no output buffer '${outputName}'`, 'unsupported');
    this.output = output;
    this.staging = device.createBuffer({ label: 'readback', size: output.size, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
    this.timer = createPassTimer(device);
    this.auxiliaryBytes = auxiliary.reduce((n, b) => n + b.size, 0) + this.staging.size + (this.timer?.bytes ?? 0);
  }

  async run(): Promise<KernelTiming> {
    this.checkAlive();
    const { device } = this.parts;
    const start = performance.now();
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass(this.timer ? { timestampWrites: this.timer.timestampWrites } : {});
    for (const d of this.dispatches) {
      pass.setPipeline(d.pipeline);
      pass.setBindGroup(0, d.main);
      if (d.step) pass.setBindGroup(1, d.step);
      pass.dispatchWorkgroups(...d.workgroups);
    }
    pass.end();
    this.timer?.resolve(encoder);
    device.queue.submit([encoder.finish()]);
    await device.queue.onSubmittedWorkDone();
    const wallMs = performance.now() - start;
    this.checkAlive();
    const gpuMs = await this.timer?.read();
    return gpuMs === undefined ? { wallMs } : { wallMs, gpuMs };
  }

  async read(): Promise<{ output: Tensor; readbackMs: number }> {
    this.checkAlive();
    const { device } = this.parts;
    const start = performance.now();
    const encoder = device.createCommandEncoder();
    encoder.copyBufferToBuffer(this.output, 0, this.staging, 0, this.output.size);
    device.queue.submit([encoder.finish()]);
    await this.staging.mapAsync(GPUMapMode.READ);
    const mapped = this.staging.getMappedRange().slice(0);
    this.staging.unmap();
    // f16 values unpack exactly into float32; the buffer may hold one pad element past the output.
    const data = this.parts.outputF16 ? unpackHalf(new Uint16Array(mapped, 0, sizeOf(this.parts.outputShape))) : new Float32Array(mapped);
    const readbackMs = performance.now() - start;
    return { output: tensor(this.parts.outputShape, data), readbackMs };
  }

  release(): void {
    for (const b of this.parts.storage.values()) b.destroy();
    for (const b of this.auxiliary) b.destroy();
    this.staging.destroy();
    this.timer?.destroy();
  }
}
