/**
 * GPU time of one submission from a pair of timestamp queries around the compute pass, where the
 * device has 'timestamp-query'; the caller falls back to wall time to onSubmittedWorkDone.
 */
export interface PassTimer {
  readonly timestampWrites: GPUComputePassTimestampWrites;
  /** Appends the resolve and the copy to the readback buffer. */
  resolve(encoder: GPUCommandEncoder): void;
  /** After the submission completed: device milliseconds, or undefined when the pair is unusable. */
  read(): Promise<number | undefined>;
  readonly bytes: number;
  destroy(): void;
}

export function createPassTimer(device: GPUDevice): PassTimer | undefined {
  if (!device.features.has('timestamp-query')) return undefined;
  const querySet = device.createQuerySet({ type: 'timestamp', count: 2 });
  const resolved = device.createBuffer({ size: 16, usage: GPUBufferUsage.QUERY_RESOLVE | GPUBufferUsage.COPY_SRC });
  const readback = device.createBuffer({ size: 16, usage: GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST });
  return {
    timestampWrites: { querySet, beginningOfPassWriteIndex: 0, endOfPassWriteIndex: 1 },
    resolve(encoder) {
      encoder.resolveQuerySet(querySet, 0, 2, resolved, 0);
      encoder.copyBufferToBuffer(resolved, 0, readback, 0, 16);
    },
    async read() {
      await readback.mapAsync(GPUMapMode.READ);
      const [begin, end] = new BigInt64Array(readback.getMappedRange().slice(0));
      readback.unmap();
      if (begin === undefined || end === undefined || end <= begin) return undefined;
      return Number(end - begin) / 1e6;
    },
    bytes: 32,
    destroy() {
      querySet.destroy();
      resolved.destroy();
      readback.destroy();
    },
  };
}
