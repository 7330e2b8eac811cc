/** Input tensors into their storage buffers as float32; time to the queue's completion is uploadMs. */
import type { BufferSpec, Inputs } from '../../engine/core/mixer.js';
import { MixscopeError } from '../../engine/core/errors.js';

export async function uploadInputs(
  device: GPUDevice,
  storage: ReadonlyMap<string, GPUBuffer>,
  inputs: Inputs,
  specs: readonly BufferSpec[],
  where: string,
): Promise<number> {
  const start = performance.now();
  for (const spec of specs) {
    const t = inputs[spec.name];
    if (!t) continue;
    if (t.data.length !== spec.elements) {
      throw new MixscopeError(`${where}: tensor ${spec.name} has ${t.data.length} elements, the cost model's buffer ${spec.elements}`, 'unsupported');
    }
    const data = t.data instanceof Float32Array ? t.data : Float32Array.from(t.data);
    device.queue.writeBuffer(storage.get(spec.name)!, 0, data.buffer, data.byteOffset, data.byteLength);
  }
  await device.queue.onSubmittedWorkDone();
  return performance.now() - start;
}
