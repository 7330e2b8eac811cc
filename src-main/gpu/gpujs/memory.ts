/**
 * Bytes a gpu.js plan really allocated, read from gpu.js's own kernel objects after a run:
 * - GL backends (webgl2, headlessgl): each stage renders into an output texture of
 *   texSize[0]·texSize[1] texels, 16 bytes per texel for RGBA float (gpu.js's default; one value
 *   per texel unless optimizeFloatMemory) or 4 for R32F (webgl2's scalar path); each array
 *   argument it uploads gets its own RGBA float texture of `textureSize` texels (4 values per
 *   texel). A texture passed from an earlier stage is counted once, as that stage's output.
 * - webgpu: each stage's output storage buffer plus the storage buffers it created for its
 *   uploaded arguments (buffer sizes as created, so any padding is included).
 * - cpu, webasm: no device; the float32 output arrays and the float32 input arrays, 4 bytes a value.
 */
import { kernelBackend, type GpujsKernelInternals, type Stage } from './gpujs.js';

const GL_R32F = 0x822e;

function product(size: ArrayLike<number> | undefined): number {
  if (!size) return 0;
  let n = 1;
  for (let i = 0; i < size.length; i++) n *= size[i]!;
  return n;
}

function glStageBytes(kernel: GpujsKernelInternals): number {
  let bytes = product(kernel.texSize) * (kernel.texture?.internalFormat === GL_R32F ? 4 : 16);
  for (const arg of kernel.kernelArguments ?? []) {
    if ((arg as { texture?: unknown }).texture) bytes += product(arg.textureSize) * 16;
  }
  return bytes;
}

function webgpuStageBytes(kernel: GpujsKernelInternals): number {
  let bytes = kernel.outputBuffer?.size ?? 0;
  for (const record of kernel.argumentBuffers ?? []) bytes += record?.buffer?.size ?? 0;
  return bytes;
}

/** Bytes of one stage's allocations, read after it ran (gpu.js builds kernels on first call). */
export function stageBytes(stage: Stage): number {
  const kernel = stage.kernel;
  const backend = kernelBackend(kernel);
  if (backend === 'webgpu') return webgpuStageBytes(kernel);
  if (backend === 'webgl2' || backend === 'webgl' || backend === 'headlessgl') return glStageBytes(kernel);
  return product(kernel.output) * 4;
}

/** Host-side float32 inputs, for the device-less backends (cpu, webasm). */
export function hostInputBytes(inputs: Readonly<Record<string, Float32Array>>): number {
  return Object.values(inputs).reduce((n, a) => n + a.byteLength, 0);
}
