/**
 * One prepared point on a GPUDevice: its storage buffers (the cost model's), the `params` uniform,
 * one bind group per dispatch, and a single compute pass that runs the plan's passes in order
 * (WebGPU orders storage writes between dispatches of one pass).
 */
import type { KernelTiming, PreparedKernel } from '../../engine/core/backend.js';
import type { Dims, Params } from '../../engine/core/mixer.js';
import { MixscopeError } from '../../engine/core/errors.js';
import { tensor, type Tensor } from '../../engine/core/tensor.js';
import { createStepBuffer, createUniformBuffer } from './buffers.js';
import type { FormPlan } from './plan.js';
import { createPassTimer } from './timer.js';

export interface Dispatch {
  readonly pipeline: GPUComputePipeline;
  readonly groups: readonly GPUBindGroup[];
  readonly workgroups: readonly [number, number, number];
}

export interface KernelParts {
  readonly device: GPUDevice;
  readonly plan: FormPlan;
  readonly pipelines: readonly GPUComputePipeline[];
  readonly storage: Map<string, GPUBuffer>;
  readonly dims: Dims;
  readonly params: Params;
  readonly outputShape: readonly number[];
  readonly where: string;
}

/** Builds the bind groups and dispatch list; the returned buffers are the auxiliary ones. */
export function buildDispatches(parts: KernelParts): { dispatches: Dispatch[]; auxiliary: GPUBuffer[] } {
  const { device, plan, dims, params, storage } = parts;
  const uniform = createUniformBuffer(device, plan.uniforms, dims, params);
  const auxiliary = [uniform];
  const maxGroups = device.limits.maxComputeWorkgroupsPerDimension;
  const dispatches = plan.passes.map((pass, p): Dispatch => {
    const pipeline = parts.pipelines[p]!;
    const [x, y = 1, z = 1] = pass.workgroups(dims, params);
    if (Math.max(x, y, z) > maxGroups) {
      throw new MixscopeError(`${parts.where}: pass ${pass.shader} needs ${Math.max(x, y, z)} workgroups in one dimension, over the device's ${maxGroups}`, 'over-limit');
    }
    const entries: GPUBindGroupEntry[] = [{ binding: 0, resource: { buffer: uniform } }];
    pass.storage.forEach((name, i) => {
      const buffer = storage.get(name);
      if (!buffer) throw new MixscopeError(`${parts.where}: pass ${pass.shader} binds '${name}', which the cost model does not list`, 'unsupported');
      entries.push({ binding: i + 1, resource: { buffer } });
    });
    const main = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries });
    const groups: GPUBindGroup[] = [main];
    const repeat = pass.repeat?.(dims, params);
    if (repeat === undefined) return { pipeline, groups, workgroups: [x, y, z] };
    const steps = createStepBuffer(device, Math.max(1, repeat));
    auxiliary.push(steps.buffer);
    const layout = pipeline.getBindGroupLayout(1);
    for (let i = 0; i < repeat; i++) {
      groups.push(device.createBindGroup({ layout, entries: [{ binding: 0, resource: { buffer: steps.buffer, offset: i * steps.stride, size: 4 } }] }));
    }
    return { pipeline, groups, workgroups: [x, y, z] };
  });
  return { dispatches, auxiliary };
}

export class WgslKernel implements PreparedKernel {
  compileMs = 0;
  uploadMs = 0;
  readonly allocatedBytes: number;
  /** Uniform, step, timestamp and readback buffers: reported apart from the cost model's bytes. */
  readonly auxiliaryBytes: number;
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
      pass.setBindGroup(0, d.groups[0]!);
      const steps = d.groups.length - 1;
      for (let i = 0; i < Math.max(1, steps); i++) {
        if (steps > 0) pass.setBindGroup(1, d.groups[i + 1]!);
        pass.dispatchWorkgroups(...d.workgroups);
      }
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
    const data = new Float32Array(this.staging.getMappedRange().slice(0));
    this.staging.unmap();
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
