/**
 * The calibration matmul (shaders/calibrate/matmul.wgsl) run once on given N×N inputs with given
 * tile constants, its product read back: how the autotuner checks a configuration against the
 * reference before timing it, and how the tests check every configuration.
 */
import { ceilDiv } from './plan.js';
import { PipelineCache, type ShaderLoader } from './pipelines.js';

export function matmulPipeline(device: GPUDevice, pipelines: PipelineCache, constants: Readonly<Record<string, number>>): Promise<GPUComputePipeline> {
  return pipelines.get('calibrate/matmul.wgsl', 'main', constants);
}

/** Workgroups of the calibration matmul at size N (64×64 output tiles). */
export function matmulGrid(n: number): [number, number] {
  return [ceilDiv(n, 64), ceilDiv(n, 64)];
}

export async function runMatmul(
  device: GPUDevice,
  source: ShaderLoader | PipelineCache,
  constants: Readonly<Record<string, number>>,
  a: Float32Array<ArrayBuffer>,
  b: Float32Array<ArrayBuffer>,
  n: number,
): Promise<Float32Array> {
  const pipelines = source instanceof PipelineCache ? source : new PipelineCache(device, source);
  const pipeline = await matmulPipeline(device, pipelines, constants);
  const bytes = n * n * 4;
  const make = (usage: number, size = bytes) => device.createBuffer({ size, usage });
  const uniform = make(GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST, 16);
  const A = make(GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST);
  const B = make(GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST);
  const C = make(GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC);
  const readback = make(GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST);
  try {
    device.queue.writeBuffer(uniform, 0, new Uint32Array([n, 0, 0, 0]));
    device.queue.writeBuffer(A, 0, a);
    device.queue.writeBuffer(B, 0, b);
    const group = device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: [uniform, A, B, C].map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    const encoder = device.createCommandEncoder();
    const pass = encoder.beginComputePass();
    pass.setPipeline(pipeline);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(...matmulGrid(n));
    pass.end();
    encoder.copyBufferToBuffer(C, 0, readback, 0, bytes);
    device.queue.submit([encoder.finish()]);
    await readback.mapAsync(GPUMapMode.READ);
    const out = new Float32Array(readback.getMappedRange().slice(0));
    readback.unmap();
    return out;
  } finally {
    for (const buffer of [uniform, A, B, C, readback]) buffer.destroy();
  }
}

/** Largest |c − want| over the largest |want| (0 when both are zero). */
export function relativeMaxError(c: ArrayLike<number>, want: ArrayLike<number>): number {
  let err = 0;
  let norm = 0;
  for (let i = 0; i < want.length; i++) {
    err = Math.max(err, Math.abs(c[i]! - want[i]!));
    norm = Math.max(norm, Math.abs(want[i]!));
  }
  return norm === 0 ? err : err / norm;
}

/** C = A·B in float64 (the reference a configuration is checked against). */
export function float64Matmul(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array {
  const c = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const aik = a[i * n + k]!;
      for (let j = 0; j < n; j++) c[i * n + j]! += aik * b[k * n + j]!;
    }
  }
  return c;
}
