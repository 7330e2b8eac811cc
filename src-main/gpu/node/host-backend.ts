/**
 * `HostBackend`: a backend proxy that forwards every call to a compute host over a HostChannel
 * (a child process, Electron's utility process, or the sweep thread's link to main). The sweep
 * runner calls it like any Backend; kernels run and are timed in the host.
 *
 * A host that dies under a call fails it with HostCrashedError; one silent past the deadline is
 * killed and the call fails with DeviceLostError; `interrupt` (cancel) kills a busy host so the
 * call in flight fails as cancelled at once. In every case the next call starts a new host.
 */
import type { Backend, BackendId, BackendProbe, KernelSupport, KernelTiming, PrepareRequest, PreparedKernel, Roofline } from '../../engine/core/backend.js';
import { DeviceLostError, HostCrashedError, MixscopeError } from '../../engine/core/errors.js';
import type { Form, Inputs, Mixer } from '../../engine/core/mixer.js';
import { tensor, type DType, type Tensor } from '../../engine/core/tensor.js';
import {
  fromWireError,
  supportKey,
  type HostChannel,
  type HostReply,
  type HostRequest,
  type HostResult,
  type NeedInputsReply,
  type PreparedReply,
  type ReadReply,
  type SupportTable,
  type WireTensor,
} from './protocol.js';
import { PendingCalls } from './pending-calls.js';

/** A started compute host: its channel, a way to stop it, and a way to hear that it died. */
export interface ComputeHost {
  readonly channel: HostChannel;
  onExit(handler: (reason: string) => void): void;
  terminate(): Promise<void>;
  /** The host's process id, where it is a process (tests kill it from outside). */
  readonly pid?: number | undefined;
}

export interface HostDeadlines {
  /** A probe (an adapter request, a first round trip). */
  readonly probeMs: number;
  /** Any other call. */
  readonly callMs: number;
}

export const DEFAULT_DEADLINES: HostDeadlines = { probeMs: 90_000, callMs: 600_000 };
const DISPOSE_TIMEOUT_MS = 5_000;

export interface HostBackendOptions {
  readonly id: BackendId;
  /**
   * Computed on this side where it may load the kernel tables (they are the same modules in both
   * processes); absent, the host's own table is fetched with the first probe (the app's main
   * loads no kernel module). `probe` is the host's last probe: what the device offers (float16
   * needs shader-f16) is known only there.
   */
  readonly support?: (mixer: Mixer, form: Form, dtype: DType, probe: BackendProbe | undefined) => KernelSupport;
  /** Names the host in a probe when it cannot even answer. */
  readonly label: string;
  readonly deadlines?: HostDeadlines;
}

function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new DeviceLostError(`${what} within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class HostBackend implements Backend {
  readonly id: BackendId;
  private host: ComputeHost | undefined;
  private disposed = false;
  /** Outlives each host: a host's calls are failed when it is lost, and the ids go on. */
  private readonly calls = new PendingCalls<HostResult>();
  private deadlines: HostDeadlines;
  private supportTable: SupportTable | undefined;
  private lastProbe: BackendProbe | undefined;
  /** Each input set's id, for as long as the caller keeps the set. */
  private readonly inputIds = new WeakMap<Inputs, number>();
  private nextInputsId = 1;
  /** The ids each host was sent the data of (a new host starts with none). */
  private readonly heldBy = new WeakMap<ComputeHost, Set<number>>();

  constructor(
    private readonly start: () => ComputeHost,
    private readonly options: HostBackendOptions,
  ) {
    this.id = options.id;
    this.deadlines = options.deadlines ?? DEFAULT_DEADLINES;
  }

  /** The running host's process id (undefined before the first call or after a crash). */
  get pid(): number | undefined {
    return this.host?.pid;
  }

  /** Sweeps set the call deadline from their time budget, so a runaway kernel is not waited on for minutes. */
  setCallDeadline(ms: number): void {
    this.deadlines = { ...this.deadlines, callMs: ms };
  }

  private running(): ComputeHost {
    if (this.disposed) throw new MixscopeError(`${this.id}: the compute host was disposed`, 'backend-unavailable');
    if (this.host) return this.host;
    const host = this.start();
    this.host = host;
    host.channel.onMessage((raw) => {
      // Only the current host's replies count: one let go (lost, disposed of) had its calls failed or left to their deadline.
      if (host !== this.host) return;
      const reply = raw as HostReply;
      this.calls.settle(reply.id, reply.ok ? { value: reply.result } : { error: fromWireError(reply.error) });
    });
    host.onExit((reason) => this.lost(host, new HostCrashedError(`${this.id} compute host stopped: ${reason}`)));
    return host;
  }

  /** Forgets `host` (the next call starts a new one) and fails its calls in flight with `error`. */
  private lost(host: ComputeHost, error: Error): void {
    if (host !== this.host) return;
    this.host = undefined;
    this.calls.failAll(error);
    void host.terminate().catch(() => undefined);
  }

  /**
   * One request. A host silent past the deadline (a driver deadlocked in native code cannot even
   * be interrupted) is killed and the call fails as a device loss; the next call starts a new host.
   */
  private call<T extends HostResult>(request: HostRequest, transfer?: ArrayBuffer[], deadlineMs = this.deadlines.callMs): Promise<T> {
    let host: ComputeHost;
    try {
      host = this.running();
    } catch (err) {
      return Promise.reject(err);
    }
    const { id, answer } = this.calls.open((id) => host.channel.send({ id, request }, transfer));
    return within(answer as Promise<T>, deadlineMs, `${this.id} compute host did not answer '${request.op}'`).catch((err: unknown) => {
      if (this.calls.forget(id) && err instanceof DeviceLostError) this.lost(host, err);
      throw err;
    });
  }

  /**
   * Cancel: a host busy with a call is killed now (a kernel cannot be stopped halfway any other
   * way), its calls fail with the 'cancelled' MixscopeError, and the next call starts a new host.
   * An idle host is kept. True when a host was stopped.
   */
  interrupt(reason = 'the sweep was cancelled'): boolean {
    if (!this.host || this.calls.size === 0) return false;
    this.lost(this.host, new MixscopeError(reason, 'cancelled'));
    return true;
  }

  /** A host that never answers is reported, not waited on. */
  async probe(): Promise<BackendProbe> {
    try {
      const probe = await this.call<BackendProbe>({ op: 'probe' }, undefined, this.deadlines.probeMs);
      this.lastProbe = probe;
      if (!this.options.support && probe.available) this.supportTable ??= await this.call<SupportTable>({ op: 'support' });
      return probe;
    } catch (err) {
      if (!(err instanceof MixscopeError)) throw err;
      return { id: this.id, available: false, reason: err.message, host: this.options.label, dtypes: [] };
    }
  }

  support(mixer: Mixer, form: Form, dtype: DType): KernelSupport {
    if (this.options.support) return this.options.support(mixer, form, dtype, this.lastProbe);
    const known = this.supportTable?.[supportKey(mixer.id, form.id, dtype)];
    return known ?? { supported: false, fidelity: 'exact', note: `${this.id} has not been probed yet` };
  }

  /**
   * The inputs cross to the host once per host: later prepares of the same input sets (the other
   * forms of a (mixer, L), a point prepared again) send their id alone, and the data again only if
   * the host has since dropped them.
   */
  async prepare(request: PrepareRequest): Promise<PreparedKernel> {
    let inputsId = this.inputIds.get(request.inputs);
    if (inputsId === undefined) this.inputIds.set(request.inputs, (inputsId = this.nextInputsId++));
    const budget = request.memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes: request.memoryBudgetBytes };
    const prepare = { mixerId: request.mixer.id, formId: request.form.id, params: { ...request.params }, dtype: request.dtype, inputsId, ...budget };
    const holder = this.host;
    if (holder && this.heldBy.get(holder)?.has(inputsId)) {
      const reply = await this.call<PreparedReply | NeedInputsReply>({ op: 'prepare', prepare });
      if (!('needInputs' in reply)) return this.proxyKernel(reply);
      this.heldBy.get(holder)?.delete(inputsId);
    }
    const inputs: Record<string, WireTensor> = {};
    const transfer: ArrayBuffer[] = [];
    for (const [name, t] of Object.entries(request.inputs)) {
      // A copy in the tensor's own precision: the caller's arrays stay usable, the copy is transferred.
      const data = t.data.slice();
      inputs[name] = { shape: [...t.shape], data };
      transfer.push(data.buffer as ArrayBuffer);
    }
    const reply = await this.call<PreparedReply>({ op: 'prepare', prepare: { ...prepare, inputs } }, transfer);
    const host = this.host;
    if (host) {
      const held = this.heldBy.get(host) ?? new Set<number>();
      held.add(inputsId);
      this.heldBy.set(host, held);
    }
    return this.proxyKernel(reply);
  }

  private proxyKernel(reply: PreparedReply): PreparedKernel {
    const kernel = reply.kernel;
    const host = this.host;
    return {
      compileMs: reply.compileMs,
      uploadMs: reply.uploadMs,
      allocatedBytes: reply.allocatedBytes,
      auxiliaryBytes: reply.auxiliaryBytes,
      ...(reply.kernelConfig ? { kernelConfig: reply.kernelConfig } : {}),
      run: () => this.kernelCall<KernelTiming>(host, { op: 'run', kernel }),
      runMany: (count: number) => this.kernelCall<KernelTiming[]>(host, { op: 'runMany', kernel, count }),
      read: async (): Promise<{ output: Tensor; readbackMs: number }> => {
        const r = await this.kernelCall<ReadReply>(host, { op: 'read', kernel });
        return { output: tensor(r.output.shape, r.output.data), readbackMs: r.readbackMs };
      },
      release: () => {
        if (this.host === host && host) this.call({ op: 'release', kernel }).catch(() => undefined);
      },
    };
  }

  /** A prepared kernel lives in the host that prepared it; a new host does not have it. */
  private kernelCall<T extends HostResult>(host: ComputeHost | undefined, request: HostRequest): Promise<T> {
    if (host !== this.host) return Promise.reject(new HostCrashedError(`${this.id} compute host was restarted; the kernel is gone`));
    return this.call<T>(request);
  }

  calibrate(dtype: DType): Promise<Roofline> {
    return this.call<Roofline>({ op: 'calibrate', dtype });
  }

  /** Asks the host for a new device; a host that is gone is replaced on the next call. */
  async reset(): Promise<void> {
    if (!this.host) return;
    try {
      await this.call({ op: 'reset' });
    } catch {
      if (this.host) this.lost(this.host, new DeviceLostError(`${this.id} compute host could not reset`));
    }
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    const host = this.host;
    if (host) {
      // A host that cannot release its device in time is terminated all the same.
      await this.call({ op: 'dispose' }, undefined, DISPOSE_TIMEOUT_MS).catch(() => undefined);
    }
    this.disposed = true;
    this.host = undefined;
    if (host) await within(host.terminate(), DISPOSE_TIMEOUT_MS, 'the compute host did not stop').catch(() => undefined);
  }
}
