/** The float16 dtype's host side of the buffers: sizes, packed uploads (no device needed: a recording queue). */
import { describe, expect, it } from 'vitest';
import { fromHalfBits } from '../../engine/core/half.js';
import { tensor } from '../../engine/core/tensor.js';
import { bufferBytes } from './buffers.js';
import { elementBytes, encodingOf, f16StorageOf, FORM_F32 } from './f16-storage.js';
import { uploadInputs } from './upload.js';

function recordingDevice() {
  const writes: { buffer: string; bytes: Uint8Array }[] = [];
  const device = {
    queue: {
      writeBuffer: (buffer: { label: string }, _offset: number, data: ArrayBuffer, at: number, size: number) => writes.push({ buffer: buffer.label, bytes: new Uint8Array(data.slice(at, at + size)) }),
      onSubmittedWorkDone: async () => undefined,
    },
  } as unknown as GPUDevice;
  return { device, writes };
}

describe('float16 buffers', () => {
  it('sizes f16 buffers in whole words and kept ones as f32', () => {
    const storage = f16StorageOf('linear-attention', 'recurrent', 'f16');
    const bytesOf = elementBytes(storage);
    expect(bufferBytes({ name: 'Q', elements: 37 }, bytesOf)).toBe(76);
    expect(bufferBytes({ name: 'Q', elements: 36 }, bytesOf)).toBe(72);
    expect(bufferBytes({ name: 'S', elements: 37 }, bytesOf)).toBe(148);
    expect(bufferBytes({ name: 'Q', elements: 37 }, elementBytes(FORM_F32))).toBe(148);
    // Emulated f16 storage keeps f32 buffers.
    expect(elementBytes(f16StorageOf('linear-attention', 'recurrent', 'f16-emulated'))('Q')).toBe(4);
  });

  it('uploads inputs packed as f16 (nearest even, padded to a word), kept buffers as f32, emulated ones rounded f32', async () => {
    const { device, writes } = recordingDevice();
    const values = [1, 1 + 2 ** -11, 0.1];
    const inputs = { Q: tensor([3], new Float64Array(values)), S: tensor([3], new Float32Array(values)), K: tensor([3], new Float64Array(values)) };
    const storage = new Map(['Q', 'S', 'K'].map((name) => [name, { label: name } as unknown as GPUBuffer]));
    const specs = ['Q', 'S', 'K'].map((name) => ({ name, elements: 3 }));
    const encoding = (name: string) => (name === 'K' ? 'f32-as-f16' : encodingOf(f16StorageOf('linear-attention', 'recurrent', 'f16'))(name));
    await uploadInputs(device, storage, inputs, specs, 'test', encoding);
    const q = writes.find((w) => w.buffer === 'Q')!.bytes;
    expect(q.byteLength).toBe(8);
    expect([...new Uint16Array(q.buffer)].map(fromHalfBits)).toEqual([1, 1, 0.0999755859375, 0]);
    expect([...new Float32Array(writes.find((w) => w.buffer === 'S')!.bytes.buffer)]).toEqual(values.map(Math.fround));
    expect([...new Float32Array(writes.find((w) => w.buffer === 'K')!.bytes.buffer)]).toEqual([1, 1, 0.0999755859375]);
  });
});
