/**
 * `window.mixscope`, derived from the contract's name lists: one function per method (an IPC
 * invoke on its channel) and one `onX` per event. Nothing else crosses: the page never gets
 * `ipcRenderer`, the event object, or a way to pick a channel. Payloads are validated in main.
 */
import { EVENT_NAMES, eventChannel, METHOD_NAMES, methodChannel, subscriptionName } from '../contract/names.js';

/** The two `ipcRenderer` calls the bridge needs, so tests can hand it a fake. */
export interface BridgeIpc {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): unknown;
}

export function buildBridge(ipc: BridgeIpc): Record<string, (arg?: unknown) => unknown> {
  const bridge: Record<string, (arg?: unknown) => unknown> = {};
  for (const method of METHOD_NAMES) {
    const channel = methodChannel(method);
    bridge[method] = (request?: unknown) => ipc.invoke(channel, request ?? {});
  }
  for (const event of EVENT_NAMES) {
    const channel = eventChannel(event);
    bridge[subscriptionName(event)] = (listener?: unknown) => {
      if (typeof listener !== 'function') throw new TypeError(`${subscriptionName(event)} needs a listener function`);
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      return () => void ipc.removeListener(channel, forward);
    };
  }
  return Object.freeze(bridge);
}
