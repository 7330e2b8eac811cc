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

/** How one host reaches its page: sends a call, resolves with the page's envelope. */
export interface PageTransport {
  /** Names the page in errors: 'page (Chromium)', 'compute window'. */
  readonly label: string;
  request(call: PageCall): Promise<PageReply>;
  isClosed(): boolean;
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

/** Host side: a typed call through a transport; a transport failure means the page is gone. */
export async function callPage<M extends PageMethod>(
  transport: PageTransport,
  method: M,
  ...args: Parameters<PageApi[M]>
): Promise<Awaited<ReturnType<PageApi[M]>>> {
  if (transport.isClosed()) throw new DeviceLostError(`${transport.label} is closed`);
  let reply: PageReply;
  try {
    reply = await transport.request({ method, args });
  } catch (err) {
    const line = (err instanceof Error ? err.message : String(err)).split('\n')[0];
    throw new DeviceLostError(`${transport.label} stopped answering: ${line}`);
  }
  if (!reply.ok) throw fromWireError(reply.error);
  return reply.value as Awaited<ReturnType<PageApi[M]>>;
}
