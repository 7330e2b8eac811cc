/**
 * The compute-host side of the protocol: serves one backend over a HostChannel (in a compute host
 * process, or in main for the sweep thread). The backend is made on the first request, so a host
 * without an adapter still answers `probe` (available: false, with the reason) instead of dying.
 */
import type { Backend, BackendId, KernelTiming, PreparedKernel } from '../../engine/core/backend.js';
import { MixscopeError, errorMessage } from '../../engine/core/errors.js';
import type { Inputs } from '../../engine/core/mixer.js';
import { DTYPES, tensor } from '../../engine/core/tensor.js';
import { MIXERS, getForm, getMixer } from '../../engine/registry.js';
import { InputsCache, INPUTS_CACHE_BYTES } from './inputs-cache.js';
import { MAX_RUNS_PER_CALL, supportKey, toWireError, type HostChannel, type HostRequest, type HostResult, type PrepareMessage } from './protocol.js';

export interface HostedBackend {
  readonly backend: Backend;
  readonly host: string;
}

/** `absent` names the backend and its host in a probe when `makeBackend` fails. */
export function serveBackend(
  channel: HostChannel,
  makeBackend: () => Promise<HostedBackend>,
  absent: { id: BackendId; host: string },
  options: { readonly inputsCacheBytes?: number } = {},
): void {
  let hosted: Promise<HostedBackend> | undefined;
  const kernels = new Map<number, PreparedKernel>();
  let nextKernel = 1;
  const backend = async (): Promise<Backend> => (await (hosted ??= makeBackend())).backend;

  const held = new InputsCache(options.inputsCacheBytes ?? INPUTS_CACHE_BYTES);

  async function prepare(message: PrepareMessage): Promise<HostResult> {
    const mixer = getMixer(message.mixerId);
    const form = getForm(mixer, message.formId);
    let inputs: Inputs | undefined;
    if (message.inputs) {
      inputs = Object.fromEntries(Object.entries(message.inputs).map(([name, t]) => [name, tensor(t.shape, t.data)]));
      held.put(message.inputsId, inputs);
    } else {
      inputs = held.get(message.inputsId);
      if (!inputs) return { needInputs: message.inputsId };
    }
    const budget = message.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: message.memoryBudgetBytes };
    const kernel = await (await backend()).prepare({ mixer, form, inputs, params: message.params, dtype: message.dtype, ...budget });
    const id = nextKernel++;
    kernels.set(id, kernel);
    const auxiliaryBytes = kernel.auxiliaryBytes ?? 0;
    const config = kernel.kernelConfig ? { kernelConfig: kernel.kernelConfig } : {};
    return { kernel: id, compileMs: kernel.compileMs, uploadMs: kernel.uploadMs, allocatedBytes: kernel.allocatedBytes, auxiliaryBytes, ...config };
  }

  function kernelOf(id: number): PreparedKernel {
    const kernel = kernels.get(id);
    if (!kernel) throw new Error(`no prepared kernel #${id} in the compute host`);
    return kernel;
  }

  async function handle(request: HostRequest): Promise<{ result: HostResult; transfer?: ArrayBuffer[] }> {
    switch (request.op) {
      case 'probe':
        try {
          return { result: await (await backend()).probe() };
        } catch (err) {
          hosted = undefined;
          return { result: { id: absent.id, available: false, reason: errorMessage(err), host: absent.host, dtypes: [] } };
        }
      case 'prepare':
        return { result: await prepare(request.prepare) };
      case 'run':
        return { result: await kernelOf(request.kernel).run() };
      case 'runMany': {
        const kernel = kernelOf(request.kernel);
        const count = Math.max(1, Math.min(MAX_RUNS_PER_CALL, Math.floor(request.count)));
        // Main serving the sweep thread forwards the whole batch to the compute host in one call.
        if (kernel.runMany) return { result: await kernel.runMany(count) };
        const timings: KernelTiming[] = [];
        for (let i = 0; i < count; i++) timings.push(await kernel.run());
        return { result: timings };
      }
      case 'read': {
        const { output, readbackMs } = await kernelOf(request.kernel).read();
        // A copy: the kernel keeps its own output between reads.
        const data = output.data.slice();
        return { result: { output: { shape: output.shape, data }, readbackMs }, transfer: [data.buffer as ArrayBuffer] };
      }
      case 'calibrate': {
        const b = await backend();
        if (!b.calibrate) throw new MixscopeError(`${b.id} has no calibration`, 'unsupported');
        return { result: await b.calibrate(request.dtype) };
      }
      case 'support': {
        const b = await backend();
        const table: Record<string, ReturnType<Backend['support']>> = {};
        for (const mixer of MIXERS) {
          for (const form of mixer.forms) for (const dtype of DTYPES) table[supportKey(mixer.id, form.id, dtype)] = b.support(mixer, form, dtype);
        }
        return { result: table };
      }
      case 'release':
        kernelOf(request.kernel).release();
        kernels.delete(request.kernel);
        return { result: null };
      case 'reset':
        kernels.clear();
        await (await backend()).reset?.();
        return { result: null };
      case 'dispose':
        for (const k of kernels.values()) k.release();
        kernels.clear();
        held.clear();
        if (hosted) await (await hosted).backend.dispose();
        hosted = undefined;
        return { result: null };
    }
  }

  channel.onMessage((raw) => {
    const { id, request } = raw as { id: number; request: HostRequest };
    handle(request).then(
      ({ result, transfer }) => channel.send({ id, ok: true, result }, transfer),
      (err: unknown) => channel.send({ id, ok: false, error: toWireError(err) }),
    );
  });
}
