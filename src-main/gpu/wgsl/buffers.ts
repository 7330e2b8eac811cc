/**
 * The storage buffers of one point: exactly the cost model's `buffers` (or, where a parallel scan
 * needs others, the plan's `parallelBuffers`: plan.ts), float32 (or f16 at the float16 dtype, each
 * padded to whole 4-byte words as bindings require), so that the bytes allocated equal the peak
 * bytes of the buffers the point runs on, at the dtype. Checked against the device's limits
 * before anything is created, so an over-limit point costs nothing and is recorded with needed
 * versus available.
 */
import type { BufferSpec, Dims, Params } from '../../engine/core/mixer.js';
import { MixscopeError, OverLimitError } from '../../engine/core/errors.js';
import type { UniformField } from './plan.js';

export const F32_BYTES = 4;

/** Bytes per element of one named buffer (4 for f32 storage, 2 for f16). */
export type ElementBytes = (buffer: string) => number;
const ALL_F32: ElementBytes = () => F32_BYTES;

/** A buffer's size: its elements at their width, rounded up to a 4-byte word (storage bindings and writes are in words). */
export function bufferBytes(b: BufferSpec, bytesOf: ElementBytes = ALL_F32): number {
  return Math.ceil((b.elements * bytesOf(b.name)) / 4) * 4;
}

/** Largest single storage binding the device takes: the smaller of two limits. */
export function maxBindingBytes(limits: GPUSupportedLimits): number {
  return Math.min(limits.maxStorageBufferBindingSize, limits.maxBufferSize);
}

export function checkBufferLimits(
  where: string,
  buffers: readonly BufferSpec[],
  limits: GPUSupportedLimits,
  budgetBytes?: number,
  bytesOf: ElementBytes = ALL_F32,
): void {
  const available = maxBindingBytes(limits);
  for (const b of buffers) {
    const needed = bufferBytes(b, bytesOf);
    if (needed > available) {
      throw new OverLimitError(
        `${where}: buffer ${b.name} needs ${needed} bytes, over the device's ${available}-byte storage binding limit`,
        needed,
        available,
      );
    }
  }
  const total = buffers.reduce((n, b) => n + bufferBytes(b, bytesOf), 0);
  if (budgetBytes !== undefined && total > budgetBytes) {
    throw new OverLimitError(`${where}: needs ${total} bytes of buffers, over the ${budgetBytes}-byte memory budget`, total, budgetBytes);
  }
}

export function createStorageBuffers(device: GPUDevice, buffers: readonly BufferSpec[], bytesOf: ElementBytes = ALL_F32): Map<string, GPUBuffer> {
  const out = new Map<string, GPUBuffer>();
  for (const b of buffers) {
    if (out.has(b.name)) throw new MixscopeError(`the cost model lists buffer '${b.name}' twice`, 'unsupported');
    out.set(
      b.name,
      device.createBuffer({
        label: b.name,
        size: bufferBytes(b, bytesOf),
        usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST | GPUBufferUsage.COPY_SRC,
      }),
    );
  }
  return out;
}

/** The `params` uniform: one 4-byte slot per field, padded to 16 bytes. */
export function createUniformBuffer(device: GPUDevice, fields: readonly UniformField[], dims: Dims, params: Params): GPUBuffer {
  const size = Math.max(16, Math.ceil((fields.length * 4) / 16) * 16);
  const data = new ArrayBuffer(size);
  const asU32 = new Uint32Array(data);
  const asF32 = new Float32Array(data);
  fields.forEach((field, i) => {
    const value = field.value(dims, params);
    if (field.type === 'u32') asU32[i] = value;
    else asF32[i] = value;
  });
  const buffer = device.createBuffer({ label: 'params', size, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(buffer, 0, data);
  return buffer;
}

/** Step indices 0..count-1 of a repeated pass, each in its own aligned slot of one buffer. */
export function createStepBuffer(device: GPUDevice, count: number): { buffer: GPUBuffer; stride: number } {
  const stride = device.limits.minUniformBufferOffsetAlignment;
  const data = new Uint32Array((count * stride) / 4);
  for (let i = 0; i < count; i++) data[(i * stride) / 4] = i;
  const buffer = device.createBuffer({ label: 'step', size: data.byteLength, usage: GPUBufferUsage.UNIFORM | GPUBufferUsage.COPY_DST });
  device.queue.writeBuffer(buffer, 0, data);
  return { buffer, stride };
}
