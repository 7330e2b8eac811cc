/**
 * The compute page's protocol, written once for every transport (Playwright's `page.evaluate` for
 * the CLI and tests, a MessagePort to Electron's main process for the app): a call is a method of
 * `PageApi` and its arguments; the reply is an envelope, so that the page's errors arrive as the
 * same MixscopeError subclasses (unsupported, over-limit, device-lost) on the Node side.
 */
import { DeviceLostError } from '../../engine/core/errors.js';
import { fromWireError, toWireError, type WireError } from '../node/protocol.js';
import type { PageApi } from './api.js';

export type PageMethod = keyof PageApi;

export interface PageCall {
  readonly method: PageMethod;
  readonly args: readonly unknown[];
}

export type PageReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: WireError };

/** How long the host waits for the page's answer before it takes the page for lost. */
export interface PageDeadlines {
  /** A probe (an adapter request, a first round trip). */
  readonly probeMs: number;
  /** Any other call: prepare (compile, upload), run, read, calibrate, reset, release. */
  readonly callMs: number;
}

/** The Node compute host's defaults (src-main/gpu/node/host-backend.ts): a page is no more trusted. */
export const DEFAULT_PAGE_DEADLINES: PageDeadlines = { probeMs: 90_000, callMs: 600_000 };

/** How one host reaches its page: sends a call, resolves with the page's envelope. */
export interface PageTransport {
  /** Names the page in errors: 'page (Chromium)', 'compute window'. */
  readonly label: string;
  request(call: PageCall): Promise<PageReply>;
  isClosed(): boolean;
  /** DEFAULT_PAGE_DEADLINES when absent. */
  readonly deadlines?: PageDeadlines;
}

/** Page side: runs one call on the API and wraps its outcome (never throws). */
export async function answerPageCall(api: PageApi, call: PageCall): Promise<PageReply> {
  try {
    const method = api[call.method] as ((...args: unknown[]) => unknown) | undefined;
    if (typeof method !== 'function') throw new Error(`the compute page has no method '${String(call.method)}'`);
    return { ok: true, value: await method.apply(api, [...call.args]) };
  } catch (err) {
    return { ok: false, error: toWireError(err) };
  }
}

/**
 * Host side: a typed call through a transport; a transport failure means the page is gone, and so
 * does silence past the deadline (a hung GPU driver or a page stuck in a loop never answers): the
 * call fails as a device loss, so the sweep records the point, resets the backend and goes on.
 */
export async function callPage<M extends PageMethod>(
  transport: PageTransport,
  method: M,
  ...args: Parameters<PageApi[M]>
): Promise<Awaited<ReturnType<PageApi[M]>>> {
  if (transport.isClosed()) throw new DeviceLostError(`${transport.label} is closed`);
  const deadlines = transport.deadlines ?? DEFAULT_PAGE_DEADLINES;
  const deadlineMs = method === 'probe' ? deadlines.probeMs : deadlines.callMs;
  let reply: PageReply;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const silence = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PageDeadlineError(`${transport.label} did not answer '${method}' within ${deadlineMs / 1000} s`)), deadlineMs);
    });
    reply = await Promise.race([transport.request({ method, args }), silence]);
  } catch (err) {
    if (err instanceof PageDeadlineError) throw new DeviceLostError(err.message);
    const line = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new DeviceLostError(`${transport.label} stopped answering: ${line}`);
  } finally {
    clearTimeout(timer);
  }
  if (!reply.ok) throw fromWireError(reply.error);
  return reply.value as Awaited<ReturnType<PageApi[M]>>;
}

class PageDeadlineError extends Error {}
