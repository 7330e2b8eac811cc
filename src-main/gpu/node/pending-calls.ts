/**
 * The calls in flight over one request/reply channel (a compute host's, the reference and report
 * workers'), by id: a reply settles the call of its id, and a channel that stops fails every call
 * still open with the reason. Each call leaves the table as it settles, whichever way, so a long
 * session's table holds only what is still waiting.
 */

/** How a call ends: with the reply's value, or with the error the reply (or the channel) gave. */
export type CallOutcome<T> = { readonly value: T } | { readonly error: Error };

export class PendingCalls<T> {
  private readonly calls = new Map<number, { resolve: (value: T) => void; reject: (error: Error) => void }>();
  private nextId = 1;

  /** How many calls wait for a reply. */
  get size(): number {
    return this.calls.size;
  }

  /**
   * Opens a call under a new id; `send` posts the request with that id. A send that throws fails
   * the call with its error and leaves nothing behind.
   */
  open(send: (id: number) => void): { readonly id: number; readonly answer: Promise<T> } {
    const id = this.nextId++;
    const answer = new Promise<T>((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      try {
        send(id);
      } catch (err) {
        this.calls.delete(id);
        reject(err);
      }
    });
    return { id, answer };
  }

  /** Ends the call of `id` with a reply's outcome; false when no such call is open (answered, forgotten or failed before). */
  settle(id: number, outcome: CallOutcome<T>): boolean {
    const call = this.calls.get(id);
    if (!call) return false;
    this.calls.delete(id);
    if ('error' in outcome) call.reject(outcome.error);
    else call.resolve(outcome.value);
    return true;
  }

  /** Stops waiting for the call of `id` (its caller gave up on it: a deadline); a late reply is then ignored. */
  forget(id: number): boolean {
    return this.calls.delete(id);
  }

  /** Fails every open call with `error`: the channel stopped, no reply will come. */
  failAll(error: Error): void {
    const open = [...this.calls.values()];
    this.calls.clear();
    for (const call of open) call.reject(error);
  }
}
