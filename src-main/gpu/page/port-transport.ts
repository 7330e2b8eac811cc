/**
 * The compute page's protocol over a message port (the app's hidden window: Electron's
 * MessagePortMain in main, the DOM MessagePort in the page; Node's MessagePort in tests). Calls
 * carry an id; replies are matched by it. The page side answers every call, errors included.
 */
import { DeviceLostError, HostCrashedError } from '../../engine/core/errors.js';
import type { PageApi } from './api.js';
import { answerPageCall, type PageCall, type PageReply, type PageTransport } from './dispatch.js';

/** One end of a port, whichever runtime's: send a structured-clone message, hear one. */
export interface MessageLink {
  post(message: unknown): void;
  onMessage(handler: (message: unknown) => void): void;
}

/** Page side: answers every call that arrives on the link. */
export function servePageApi(link: MessageLink, api: PageApi): void {
  link.onMessage((raw) => {
    const { id, call } = raw as { id: number; call: PageCall };
    void answerPageCall(api, call).then((reply) => link.post({ id, reply }));
  });
}

/** A reply as it must look before it is believed: the page is a sandboxed renderer, not main. */
function isReply(raw: unknown): raw is { id: number; reply: PageReply } {
  if (typeof raw !== 'object' || raw === null) return false;
  const { id, reply } = raw as { id?: unknown; reply?: unknown };
  if (typeof id !== 'number' || typeof reply !== 'object' || reply === null) return false;
  const r = reply as { ok?: unknown; error?: unknown };
  return r.ok === true || (r.ok === false && typeof r.error === 'object' && r.error !== null);
}

export interface PortTransport extends PageTransport {
  /**
   * Fails every pending call and all later ones (the window closed, its renderer crashed); with
   * `crashed`, as a HostCrashedError, so the point says 'host-crashed'.
   */
  close(reason: string, crashed?: boolean): void;
}

export function portTransport(link: MessageLink, label: string): PortTransport {
  const pending = new Map<number, { resolve: (r: PageReply) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let closed: string | undefined;
  link.onMessage((raw) => {
    if (!isReply(raw)) return;
    const call = pending.get(raw.id);
    pending.delete(raw.id);
    call?.resolve(raw.reply);
  });
  return {
    label,
    isClosed: () => closed !== undefined,
    request(call) {
      if (closed !== undefined) return Promise.reject(new DeviceLostError(`${label} is closed: ${closed}`));
      const id = nextId++;
      return new Promise<PageReply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        link.post({ id, call });
      });
    },
    close(reason, crashed = false) {
      closed ??= reason;
      const message = `${label} is closed: ${reason}`;
      for (const call of pending.values()) call.reject(crashed ? new HostCrashedError(message) : new DeviceLostError(message));
      pending.clear();
    },
  };
}
