/**
 * The renderer's side of web mode: the contract over a WebSocket. Works with the browser's
 * WebSocket and with any object of the same shape (the `ws` package's client in Node tests).
 */
import type { Transport } from './client.js';
import { fail, type Envelope } from './envelope.js';
import type { EventName, MethodName } from './names.js';
import { parseFrame, serverFrameSchema, WEB_SOCKET_PATH, type CallFrame } from './wire.js';

/** The part of the WHATWG WebSocket this transport uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

const OPEN = 1;

/** `ws://127.0.0.1:PORT/ws` for the page served at `http://127.0.0.1:PORT/`. */
export function webSocketUrl(location: { protocol: string; host: string }): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${WEB_SOCKET_PATH}`;
}

export function webSocketTransport(socket: WebSocketLike): Transport & { close(): void } {
  let nextId = 0;
  let closed = false;
  const pending = new Map<number, (envelope: Envelope<unknown>) => void>();
  const queued: string[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

  socket.addEventListener('open', () => {
    for (const frame of queued.splice(0)) socket.send(frame);
  });
  socket.addEventListener('message', (event) => {
    const text = typeof event.data === 'string' ? event.data : String(event.data);
    const frame = parseFrame(serverFrameSchema, text);
    if (!frame) return;
    if (frame.type === 'reply') {
      pending.get(frame.id)?.(frame.envelope as Envelope<unknown>);
      pending.delete(frame.id);
    } else {
      for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
    }
  });
  const drop = () => {
    closed = true;
    for (const settle of pending.values()) settle(fail('transport', 'the connection to mixscope closed; reload the page'));
    pending.clear();
  };
  socket.addEventListener('close', drop);
  socket.addEventListener('error', drop);

  return {
    call(method: MethodName, request: unknown) {
      if (closed) return Promise.resolve(fail('transport', 'the connection to mixscope is closed; reload the page'));
      const frame: CallFrame = { type: 'call', id: nextId++, method, request };
      return new Promise((resolve) => {
        pending.set(frame.id, resolve);
        const text = JSON.stringify(frame);
        if (socket.readyState === OPEN) socket.send(text);
        else queued.push(text);
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
    close: () => socket.close(),
  };
}
