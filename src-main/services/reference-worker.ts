/**
 * The float64 references of a sweep, computed in a worker of their own (started by the sweep
 * thread from the same entry file), so a point's reference runs on another core while the point
 * is prepared and timed in its compute host. A worker that fails leaves the references to be
 * computed in place: slower, never missing.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import { errorMessage } from '../engine/core/errors.js';
import type { Inputs } from '../engine/core/mixer.js';
import { tensor, type FloatArray, type Tensor } from '../engine/core/tensor.js';
import { getForm, getMixer } from '../engine/registry.js';
import { localReferenceRunner, type ReferenceRunner } from '../engine/sweep/references.js';

type WireSet = Record<string, { shape: readonly number[]; data: FloatArray }>;

interface ReferenceRequest {
  readonly id: number;
  readonly mixerId: string;
  readonly formId: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly sets: readonly WireSet[];
}

type ReferenceReply =
  | { readonly id: number; readonly ok: true; readonly tensors: { shape: readonly number[]; data: FloatArray }[]; readonly msPerSet: number }
  | { readonly id: number; readonly ok: false; readonly message: string };

type Pending = { resolve: (r: { tensors: Tensor[]; msPerSet: number }) => void; reject: (e: Error) => void };

export class WorkerReferenceRunner implements ReferenceRunner {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failed: string | undefined;
  private readonly local = localReferenceRunner();

  constructor(entry: URL) {
    this.worker = new Worker(entry, { workerData: { task: 'references', backends: [] } });
    this.worker.on('message', (reply: ReferenceReply) => {
      const call = this.pending.get(reply.id);
      if (!call) return;
      this.pending.delete(reply.id);
      if (reply.ok) call.resolve({ tensors: reply.tensors.map((t) => tensor(t.shape, t.data)), msPerSet: reply.msPerSet });
      else call.reject(new Error(reply.message));
    });
    const fail = (why: string) => {
      this.failed ??= why;
      for (const call of this.pending.values()) call.reject(new Error(`the reference worker stopped: ${why}`));
      this.pending.clear();
    };
    this.worker.on('error', (err) => fail(errorMessage(err)));
    this.worker.on('exit', (code) => fail(`exit code ${code}`));
  }

  /** Why the worker is no longer used (undefined while it answers). */
  get failure(): string | undefined {
    return this.failed;
  }

  run: ReferenceRunner['run'] = (mixer, form, params, sets) => {
    if (this.failed) return this.local.run(mixer, form, params, sets);
    const id = this.nextId++;
    const request: ReferenceRequest = { id, mixerId: mixer.id, formId: form.id, params: { ...params }, sets: sets.map(wireSet) };
    return new Promise<{ tensors: Tensor[]; msPerSet: number }>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      // A copy of the inputs: the sweep keeps its own for the later visits.
      this.worker.postMessage(request);
    }).catch(() => this.local.run(mixer, form, params, sets));
  };

  close(): void {
    this.failed ??= 'closed';
    void this.worker.terminate();
  }
}

function wireSet(inputs: Inputs): WireSet {
  return Object.fromEntries(Object.entries(inputs).map(([name, t]) => [name, { shape: t.shape, data: t.data }]));
}

/** The worker's side: answers each request with the references and the time they took per set. */
export function serveReferences(port: MessagePort): void {
  port.on('message', (request: ReferenceRequest) => {
    let reply: ReferenceReply;
    const transfer: ArrayBuffer[] = [];
    try {
      const mixer = getMixer(request.mixerId);
      const form = getForm(mixer, request.formId);
      const reference = form.reference ?? mixer.reference;
      const t0 = performance.now();
      const tensors = request.sets.map((set) => reference(Object.fromEntries(Object.entries(set).map(([n, t]) => [n, tensor(t.shape, t.data)])), request.params));
      const msPerSet = Math.max((performance.now() - t0) / Math.max(request.sets.length, 1), 1e-6);
      for (const t of tensors) transfer.push(t.data.buffer as ArrayBuffer);
      reply = { id: request.id, ok: true, tensors: tensors.map((t) => ({ shape: t.shape, data: t.data })), msPerSet };
    } catch (err) {
      reply = { id: request.id, ok: false, message: errorMessage(err) };
    }
    port.postMessage(reply, transfer);
  });
}
