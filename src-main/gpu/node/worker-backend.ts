/**
 * `WorkerBackend`: the main side's `wgsl` backend, a proxy that forwards every call to a compute
 * host over a HostChannel. The sweep runner calls it like any Backend; kernels run in the host.
 * If the host dies, pending calls fail with DeviceLostError and `reset` starts a new one.
 */
import type { Backend, BackendProbe, KernelSupport, KernelTiming, PrepareRequest, PreparedKernel, Roofline } from '../../engine/core/backend.js';
import { DeviceLostError, MixscopeError } from '../../engine/core/errors.js';
import type { Form, Mixer } from '../../engine/core/mixer.js';
import { tensor, type DType, type Tensor } from '../../engine/core/tensor.js';
import { wgslSupport } from '../wgsl/backend.js';
import {
  fromWireError,
  type HostChannel,
  type HostReply,
  type HostRequest,
  type HostResult,
  type PreparedReply,
  type ReadReply,
  type WireTensor,
} from './protocol.js';

/** A started compute host: its channel, a way to stop it, and a way to hear that it died. */
export interface ComputeHost {
  readonly channel: HostChannel;
  onExit(handler: (reason: string) => void): void;
  terminate(): Promise<void>;
}

/** How long a host may take to answer a probe (an adapter request), any other call, or to shut down. */
const PROBE_TIMEOUT_MS = 90_000;
const CALL_TIMEOUT_MS = 600_000;
const DISPOSE_TIMEOUT_MS = 5_000;

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeviceLostError(`wgsl compute host did not ${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class WorkerBackend implements Backend {
  readonly id = 'wgsl' as const;
  private host: ComputeHost;
  /** Why the current host stopped, once it has. */
  private stopped: string | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: HostResult) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly start: () => ComputeHost,
    /** Deadlines of a probe and of any other call, ms (tests shorten them). */
    private readonly deadlines: { readonly probeMs: number; readonly callMs: number } = { probeMs: PROBE_TIMEOUT_MS, callMs: CALL_TIMEOUT_MS },
  ) {
    this.host = this.attach(start());
  }

  private attach(host: ComputeHost): ComputeHost {
    host.channel.onMessage((raw) => {
      const reply = raw as HostReply;
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      if (reply.ok) call.resolve(reply.result);
      else call.reject(fromWireError(reply.error));
    });
    host.onExit((reason) => {
      if (host !== this.host) return;
      this.stopped = reason;
      for (const call of this.pending.values()) call.reject(new DeviceLostError(`wgsl compute host stopped: ${reason}`));
      this.pending.clear();
    });
    return host;
  }

  /**
   * One request to the host. A host silent past the deadline (a driver deadlocked in native code
   * cannot even be interrupted) is given up as lost: the sweep records a device loss and `reset`
   * starts a new host instead of waiting forever.
   */
  private call<T extends HostResult>(request: HostRequest, transfer?: ArrayBuffer[], deadlineMs = this.deadlines.callMs): Promise<T> {
    if (this.stopped !== undefined) return Promise.reject(new DeviceLostError(`wgsl compute host stopped: ${this.stopped}`));
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: HostResult) => void, reject });
      this.host.channel.send({ id, request }, transfer);
    });
    return within(answer, deadlineMs, `answer '${request.op}'`).catch((err: unknown) => {
      if (this.pending.delete(id) && err instanceof DeviceLostError && this.stopped === undefined) {
        this.stopped = err.message;
        void this.host.terminate().catch(() => undefined);
      }
      throw err;
    });
  }

  /** A host that never answers (a driver stuck in its adapter request) is reported, not waited on. */
  async probe(): Promise<BackendProbe> {
    try {
      return await this.call<BackendProbe>({ op: 'probe' }, undefined, this.deadlines.probeMs);
    } catch (err) {
      if (!(err instanceof DeviceLostError)) throw err;
      return { id: this.id, available: false, reason: err.message, host: 'node-worker (Dawn)', dtypes: [] };
    }
  }

  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
    return wgslSupport(mixer, form, dtype);
  }

  async prepare(request: PrepareRequest): Promise<PreparedKernel> {
    if (request.dtype !== 'float32') throw new MixscopeError('wgsl computes in float32 only', 'unsupported');
    const inputs: Record<string, WireTensor> = {};
    const transfer: ArrayBuffer[] = [];
    for (const [name, t] of Object.entries(request.inputs)) {
      // A fresh float32 copy: the caller's arrays stay usable, and the copy can be transferred.
      const data = Float32Array.from(t.data);
      inputs[name] = { shape: [...t.shape], data };
      transfer.push(data.buffer);
    }
    const prepare = { mixerId: request.mixer.id, formId: request.form.id, params: { ...request.params }, dtype: request.dtype, inputs };
    const reply = await this.call<PreparedReply>({ op: 'prepare', prepare }, transfer);
    return this.proxyKernel(reply);
  }

  private proxyKernel(reply: PreparedReply): PreparedKernel {
    const kernel = reply.kernel;
    return {
      compileMs: reply.compileMs,
      uploadMs: reply.uploadMs,
      allocatedBytes: reply.allocatedBytes,
      auxiliaryBytes: reply.auxiliaryBytes,
      run: () => this.call<KernelTiming>({ op: 'run', kernel }),
      read: async (): Promise<{ output: Tensor; readbackMs: number }> => {
        const r = await this.call<ReadReply>({ op: 'read', kernel });
        return { output: tensor(r.output.shape, r.output.data), readbackMs: r.readbackMs };
      },
      release: () => {
        this.call({ op: 'release', kernel }).catch(() => undefined);
      },
    };
  }

  calibrate(dtype: DType): Promise<Roofline> {
    return this.call<Roofline>({ op: 'calibrate', dtype });
  }

  /** Asks the host for a new device; if the host itself is gone, starts a new host. */
  async reset(): Promise<void> {
    if (this.stopped === undefined) {
      try {
        await this.call({ op: 'reset' });
        return;
      } catch {
        await within(this.host.terminate(), DISPOSE_TIMEOUT_MS, 'stop').catch(() => undefined);
      }
    }
    this.stopped = undefined;
    this.host = this.attach(this.start());
  }

  async dispose(): Promise<void> {
    if (this.stopped !== undefined) return;
    // A host that cannot release its device in time is terminated all the same.
    await this.call({ op: 'dispose' }, undefined, DISPOSE_TIMEOUT_MS).catch(() => undefined);
    this.stopped = 'disposed';
    await within(this.host.terminate(), DISPOSE_TIMEOUT_MS, 'stop').catch(() => undefined);
  }
}
