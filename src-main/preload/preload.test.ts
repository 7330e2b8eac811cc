import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer, resetElectronMock } from '../../test/mocks/electron.js';
import { EVENT_NAMES, METHOD_NAMES, eventChannel, methodChannel, subscriptionName } from '../contract/names.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

type Bridge = Record<string, (arg?: unknown) => unknown>;
let exposed: Bridge;
const exposedBridge = async (): Promise<Bridge> => exposed;

describe('preload bridge', () => {
  beforeAll(async () => {
    resetElectronMock();
    await import('./index.js');
    expect([...contextBridge.exposed.keys()]).toEqual(['mixscope']);
    exposed = contextBridge.exposed.get('mixscope') as Bridge;
  });
  beforeEach(() => {
    ipcRenderer.invocations.length = 0;
  });

  it('exposes exactly the contract methods and onX subscriptions, all functions', async () => {
    const bridge = await exposedBridge();
    const expected = [...METHOD_NAMES, ...EVENT_NAMES.map(subscriptionName)].sort();
    expect(Object.keys(bridge).sort()).toEqual(expected);
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer.invoke);
    }
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it('sends each method on its own channel, with {} for no argument', async () => {
    const bridge = await exposedBridge();
    await bridge['openRun']?.({ id: 'r1' });
    await bridge['listRuns']?.();
    expect(ipcRenderer.invocations).toEqual([
      { channel: methodChannel('openRun'), payload: { id: 'r1' } },
      { channel: methodChannel('listRuns'), payload: {} },
    ]);
  });

  it('delivers event payloads without the IPC event object, until unsubscribed', async () => {
    const bridge = await exposedBridge();
    const seen: unknown[] = [];
    const unsubscribe = bridge['onProgress']?.((payload: unknown) => seen.push(payload)) as () => void;
    ipcRenderer.emit(eventChannel('progress'), { sender: 'ipc event' }, { done: 1 });
    unsubscribe();
    ipcRenderer.emit(eventChannel('progress'), { sender: 'ipc event' }, { done: 2 });
    expect(seen).toEqual([{ done: 1 }]);
    expect(ipcRenderer.listenerCount(eventChannel('progress'))).toBe(0);
  });
});
