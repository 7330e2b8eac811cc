/**
 * The float64 references of a sweep, computed in a worker of their own (started by the sweep
 * thread from the same entry file), so a point's reference runs on another core while the point
 * is prepared and timed in its compute host. A worker that fails leaves the references to be
 * computed in place: slower, never missing.
 */
import { Worker, type MessagePort } from 'node:worker_threads';
import type { Inputs } from '../engine/core/mixer.js';
import { tensor, type FloatArray } from '../engine/core/tensor.js';
import { getForm, getMixer } from '../engine/registry.js';
import { localReferenceRunner, type ReferenceRunner } from '../engine/sweep/references.js';
import { serveCalls, WorkerCalls } from './worker-calls.js';

type WireSet = Record<string, { shape: readonly number[]; data: FloatArray }>;

interface ReferenceRequest {
  readonly mixerId: string;
  readonly formId: string;
  readonly params: Readonly<Record<string, number | string>>;
  readonly sets: readonly WireSet[];
}

interface ReferenceAnswer {
  readonly tensors: { shape: readonly number[]; data: FloatArray }[];
  readonly msPerSet: number;
}

export class WorkerReferenceRunner implements ReferenceRunner {
  private readonly worker: Worker;
  private readonly calls = new WorkerCalls<ReferenceRequest, ReferenceAnswer>('reference');
  private failed: string | undefined;
  private readonly local = localReferenceRunner();

  constructor(entry: URL) {
    this.worker = new Worker(entry, { workerData: { task: 'references', backends: [] } });
    this.calls.listen(this.worker, (why) => (this.failed ??= why));
  }

  /** Why the worker is no longer used (undefined while it answers). */
  get failure(): string | undefined {
    return this.failed;
  }

  run: ReferenceRunner['run'] = (mixer, form, params, sets) => {
    if (this.failed) return this.local.run(mixer, form, params, sets);
    // A copy of the inputs: the sweep keeps its own for the later visits.
    const request: ReferenceRequest = { mixerId: mixer.id, formId: form.id, params: { ...params }, sets: sets.map(wireSet) };
    return this.calls
      .call(this.worker, request)
      .then(({ tensors, msPerSet }) => ({ tensors: tensors.map((t) => tensor(t.shape, t.data)), msPerSet }))
      .catch(() => this.local.run(mixer, form, params, sets));
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
  serveCalls(
    port,
    (request: ReferenceRequest): ReferenceAnswer => {
      const mixer = getMixer(request.mixerId);
      const form = getForm(mixer, request.formId);
      const reference = form.reference ?? mixer.reference;
      const t0 = performance.now();
      const tensors = request.sets.map((set) => reference(Object.fromEntries(Object.entries(set).map(([n, t]) => [n, tensor(t.shape, t.data)])), request.params));
      const msPerSet = Math.max((performance.now() - t0) / Math.max(request.sets.length, 1), 1e-6);
      return { tensors: tensors.map((t) => ({ shape: t.shape, data: t.data })), msPerSet };
    },
    // The references are the worker's to give away: moved, not copied.
    (answer) => answer.tensors.map((t) => t.data.buffer as ArrayBuffer),
  );
}
