/**
 * The request/reply channel of the sweep thread entry's long-lived workers (references, reports):
 * a call is `{ id, request }`, its reply `{ id, ok: true, value }` or a refusal `{ id, ok: false,
 * message, code }` that keeps its MixscopeError code across the thread. A worker that stops (an
 * error, an exit) fails every call still open with why. Compute hosts speak their own protocol
 * (gpu/node/protocol.ts) over the same table of calls in flight.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { MixscopeError, errorMessage, type MixscopeErrorCode } from '../engine/core/errors.js';
import { PendingCalls } from '../gpu/node/pending-calls.js';

interface WorkerCall<Q> {
  readonly id: number;
  readonly request: Q;
}

export type WorkerReply<R> =
  | { readonly id: number; readonly ok: true; readonly value: R }
  | { readonly id: number; readonly ok: false; readonly message: string; readonly code?: string };

/** The error a refusal stands for: a MixscopeError where it had a code, a plain Error otherwise. */
export function refusalError(reply: { readonly message: string; readonly code?: string }): Error {
  return reply.code ? new MixscopeError(reply.message, reply.code as MixscopeErrorCode) : new Error(reply.message);
}

/** The caller's side: calls to the worker of `name` (worker after worker, for a caller that starts another). */
export class WorkerCalls<Q, R> {
  private readonly calls = new PendingCalls<R>();

  constructor(private readonly name: string) {}

  /** How many calls wait for a reply. */
  get size(): number {
    return this.calls.size;
  }

  /** Takes `worker`'s replies; when it stops, `stopped(why)` is told first, then every open call fails. */
  listen(worker: Worker, stopped: (why: string) => void): void {
    worker.on('message', (reply: WorkerReply<R>) => {
      this.calls.settle(reply.id, reply.ok ? { value: reply.value } : { error: refusalError(reply) });
    });
    const fail = (why: string) => {
      stopped(why);
      this.calls.failAll(new Error(`the ${this.name} worker stopped: ${why}`));
    };
    worker.on('error', (err) => fail(errorMessage(err)));
    worker.on('exit', (code) => fail(`exit code ${code}`));
  }

  /** Posts `request` (structured-cloned: the caller keeps its own) and waits for its reply. */
  call(worker: Worker, request: Q): Promise<R> {
    return this.calls.open((id) => worker.postMessage({ id, request } satisfies WorkerCall<Q>)).answer;
  }
}

/**
 * The worker's side: answers each call, a thrown error as a refusal with its code. The buffers
 * `transferOf` names move to the caller instead of being copied.
 */
export function serveCalls<Q, R>(port: MessagePort, answer: (request: Q) => R | Promise<R>, transferOf: (value: R) => ArrayBuffer[] = () => []): void {
  port.on('message', ({ id, request }: WorkerCall<Q>) => {
    void (async () => {
      try {
        const value = await answer(request);
        port.postMessage({ id, ok: true, value } satisfies WorkerReply<R>, transferOf(value));
      } catch (err) {
        const code = err instanceof MixscopeError ? err.code : undefined;
        port.postMessage({ id, ok: false, message: errorMessage(err), ...(code ? { code } : {}) } satisfies WorkerReply<R>);
      }
    })();
  });
}
