/**
 * Input tensors into their storage buffers: float32, or at the float16 dtype packed f16 (rounded to
 * nearest) or, on the emulated path, float32 values rounded to f16; time to the queue's completion
 * is uploadMs.
 */
import type { BufferSpec, Inputs } from '../../engine/core/mixer.js';
import { MixscopeError } from '../../engine/core/errors.js';
import { packHalf, roundArrayToHalf } from '../../engine/core/half.js';

/** How a buffer holds its values: f32, packed f16, or f32 values that are all f16 (emulated f16 storage). */
export type BufferEncoding = 'f32' | 'f16' | 'f32-as-f16';

function encode(data: ArrayLike<number> & { readonly length: number }, encoding: BufferEncoding): ArrayBufferView {
  if (encoding === 'f16') {
    // Writes are whole 4-byte words: an odd count gets one zero pad element (the buffer has room, buffers.ts).
    const packed = packHalf(data);
    if (packed.length % 2 === 0) return packed;
    const padded = new Uint16Array(packed.length + 1);
    padded.set(packed);
    return padded;
  }
  if (encoding === 'f32-as-f16') return roundArrayToHalf(data);
  return data instanceof Float32Array ? data : Float32Array.from(data);
}

export async function uploadInputs(
  device: GPUDevice,
  storage: ReadonlyMap<string, GPUBuffer>,
  inputs: Inputs,
  specs: readonly BufferSpec[],
  where: string,
  encodingOf: (buffer: string) => BufferEncoding = () => 'f32',
): Promise<number> {
  const start = performance.now();
  for (const spec of specs) {
    const t = inputs[spec.name];
    if (!t) continue;
    if (t.data.length !== spec.elements) {
      throw new MixscopeError(`${where}: tensor ${spec.name} has ${t.data.length} elements, the cost model's buffer ${spec.elements}`, 'unsupported');
    }
    const data = encode(t.data, encodingOf(spec.name));
    device.queue.writeBuffer(storage.get(spec.name)!, 0, data.buffer, data.byteOffset, data.byteLength);
  }
  await device.queue.onSubmittedWorkDone();
  return performance.now() - start;
}
