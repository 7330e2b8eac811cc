/**
 * The names of the contract's methods and events, with no schema library attached: the preload
 * bridge imports only this file (a sandboxed preload stays small), and `api.ts` checks its table
 * against these lists at compile time, so the two cannot drift.
 */
export const METHOD_NAMES = [
  'probe',
  'listMixers',
  'startSweep',
  'cancelSweep',
  'getSweepState',
  'listRuns',
  'openRun',
  'deleteRun',
  'importRun',
  'exportRun',
  'focus',
  'compareRuns',
  'exportReport',
] as const;
export type MethodName = (typeof METHOD_NAMES)[number];

export const EVENT_NAMES = ['progress', 'point', 'runFinished', 'error', 'menu'] as const;
export type EventName = (typeof EVENT_NAMES)[number];

/** `progress` → `onProgress`: the subscription name the bridge and the client expose. */
export type SubscriptionName<E extends EventName> = `on${Capitalize<E>}`;

export function subscriptionName<E extends EventName>(event: E): SubscriptionName<E> {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as SubscriptionName<E>;
}

/** IPC channel of a method (`ipcMain.handle`) and of an event (`webContents.send`). */
export function methodChannel(method: MethodName): string {
  return `mixscope:call:${method}`;
}

export function eventChannel(event: EventName): string {
  return `mixscope:event:${event}`;
}
