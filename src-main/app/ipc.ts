/**
 * The contract over Electron IPC, main side: one `ipcMain.handle` per method of the table, each
 * behind the sender check, each going through the shared dispatch (request validated, response
 * validated, errors as envelopes). Events go out on their own channels to our window only.
 */
import type { IpcMainInvokeEvent } from 'electron';
import type { Dispatch } from '../contract/dispatch.js';
import { fail } from '../contract/envelope.js';
import { eventChannel, METHOD_NAMES, methodChannel } from '../contract/names.js';
import type { EventSink } from '../services/event-hub.js';

export interface HandlerRegistry {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** Registers every method; returns the unregistration (for window re-creation and tests). */
export function registerContract(ipc: HandlerRegistry, dispatch: Dispatch, isTrusted: (event: IpcMainInvokeEvent) => boolean): () => void {
  for (const method of METHOD_NAMES) {
    ipc.handle(methodChannel(method), async (event, payload) => {
      if (!isTrusted(event)) return fail('forbidden', `${method}: refused a call from outside the mixscope window`);
      return dispatch(method, payload);
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipc.removeHandler(methodChannel(method));
  };
}

/** The sink that forwards hub events to one window while it lives. */
export function windowSink(target: { readonly webContents: { isDestroyed(): boolean; send(channel: string, payload: unknown): void } }): EventSink {
  return (event, payload) => {
    if (!target.webContents.isDestroyed()) target.webContents.send(eventChannel(event), payload);
  };
}
