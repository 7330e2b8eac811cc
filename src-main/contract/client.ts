/**
 * The renderer's typed client, built over any transport that speaks the bridge's shape: the
 * Electron preload (`window.mixscope`) or the WebSocket transport of web mode. It unwraps
 * envelopes into values or `ContractError`s and checks every response and event against the table.
 */
import { contractErrorSchema, ContractError, type Envelope } from './envelope.js';
import { EVENT_NAMES, METHOD_NAMES, subscriptionName, type EventName, type MethodName } from './names.js';
import type { Listener, MixscopeBridge, MixscopeClient, Unsubscribe } from './types.js';
import { parseEvent, parseResponse } from './validate.js';

/** The untyped core both transports implement; `createBridge` gives it the table's names. */
export interface Transport {
  call(method: MethodName, request: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): Unsubscribe;
}

function unwrap<M extends MethodName>(method: M, envelope: unknown) {
  if (envelope && typeof envelope === 'object' && 'ok' in envelope) {
    if (envelope.ok === true && 'value' in envelope) return parseResponse(method, envelope.value);
    if (envelope.ok === false && 'error' in envelope) {
      const error = contractErrorSchema.safeParse(envelope.error);
      if (error.success) throw new ContractError(error.data.code, error.data.message);
    }
  }
  throw new ContractError('invalid-response', `${method}: the main side sent a malformed reply`);
}

/** Turns a transport into the bridge object (web mode's stand-in for `window.mixscope`). */
export function createBridge(transport: Transport): MixscopeBridge {
  const bridge: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) bridge[method] = (request?: unknown) => transport.call(method, request ?? {});
  for (const event of EVENT_NAMES) bridge[subscriptionName(event)] = (listener: (payload: unknown) => void) => transport.subscribe(event, listener);
  return bridge as MixscopeBridge;
}

export function createClient(bridge: MixscopeBridge): MixscopeClient {
  const client: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const call = bridge[method] as (request?: unknown) => Promise<unknown>;
    client[method] = async (request?: unknown) => unwrap(method, await call(request ?? {}));
  }
  for (const event of EVENT_NAMES) {
    const name = subscriptionName(event);
    const subscribe = bridge[name] as (listener: (payload: unknown) => void) => Unsubscribe;
    client[name] = (listener: Listener<typeof event>) => subscribe((payload) => listener(parseEvent(event, payload)));
  }
  return client as MixscopeClient;
}
