/**
 * The compute page's API: the engine and the gpu.js kernels (and, through the same Backend
 * interface, any other backend registered here), driven by handle so prepared kernels stay in
 * the page between calls.
 */
import type { Backend, BackendId, BackendProbe, KernelSupport, KernelTiming, PreparedKernel, Roofline } from '../../engine/core/backend.js';
import { MixscopeError } from '../../engine/core/errors.js';
import type { DType } from '../../engine/core/tensor.js';
import { getForm, getMixer } from '../../engine/registry.js';
import { decodeTensor, encodeTensor, type WirePrepared, type WireRequest, type WireTensor } from './wire.js';

export interface PageApi {
  backendIds(): BackendId[];
  probe(id: BackendId): Promise<BackendProbe>;
  support(id: BackendId, mixerId: string, formId: string, dtype: DType): KernelSupport;
  prepare(request: WireRequest): Promise<WirePrepared>;
  run(handle: number): Promise<KernelTiming>;
  read(handle: number): Promise<{ output: WireTensor; readbackMs: number }>;
  release(handle: number): void;
  /** The backend's roofline on its own device (wgsl and the gpu.js modes). */
  calibrate(id: BackendId, dtype: DType): Promise<Roofline>;
  /** A new device after a loss; the backend's prepared kernels are dropped. */
  reset(id: BackendId): Promise<void>;
}

export function createPageApi(backends: readonly Backend[]): PageApi {
  const prepared = new Map<number, { backend: BackendId; kernel: PreparedKernel }>();
  let next = 1;
  const backend = (id: BackendId): Backend => {
    const found = backends.find((b) => b.id === id);
    if (!found) throw new MixscopeError(`the compute page has no backend '${id}'`, 'unknown-backend');
    return found;
  };
  const kernel = (handle: number): PreparedKernel => {
    const found = prepared.get(handle);
    if (!found) throw new MixscopeError(`the compute page has no prepared kernel #${handle}`, 'invalid-input');
    return found.kernel;
  };
  return {
    backendIds: () => backends.map((b) => b.id),
    probe: (id) => backend(id).probe(),
    support: (id, mixerId, formId, dtype) => {
      const mixer = getMixer(mixerId);
      return backend(id).support(mixer, getForm(mixer, formId), dtype);
    },
    async prepare(request) {
      const mixer = getMixer(request.mixerId);
      const inputs = Object.fromEntries(Object.entries(request.inputs).map(([name, t]) => [name, decodeTensor(t)]));
      const p = await backend(request.backend).prepare({
        mixer,
        form: getForm(mixer, request.formId),
        inputs,
        params: request.params,
        dtype: request.dtype,
        ...(request.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: request.memoryBudgetBytes }),
      });
      const handle = next++;
      prepared.set(handle, { backend: request.backend, kernel: p });
      const auxiliaryBytes = p.auxiliaryBytes ?? 0;
      const config = p.kernelConfig ? { kernelConfig: p.kernelConfig } : {};
      return { handle, compileMs: p.compileMs, uploadMs: p.uploadMs, allocatedBytes: p.allocatedBytes, auxiliaryBytes, ...config };
    },
    run: (handle) => kernel(handle).run(),
    async read(handle) {
      const { output, readbackMs } = await kernel(handle).read();
      return { output: encodeTensor(output), readbackMs };
    },
    release(handle) {
      prepared.get(handle)?.kernel.release();
      prepared.delete(handle);
    },
    calibrate(id, dtype) {
      const b = backend(id);
      if (!b.calibrate) throw new MixscopeError(`${id} has no calibration`, 'unsupported');
      return b.calibrate(dtype);
    },
    async reset(id) {
      for (const [handle, p] of prepared) if (p.backend === id) prepared.delete(handle);
      const b = backend(id);
      if (!b.reset) throw new MixscopeError(`${id} cannot recreate its device`, 'device-lost');
      await b.reset();
    },
  };
}
