/**
 * The compute window's preload, with the Electron mock and a stand-in `window`: it exposes only
 * `mixscopeTuning` (frozen functions, never ipcRenderer), each sending its call on the tuning
 * channel, and still forwards main's MessagePort to the page once the page has loaded.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contextBridge, ipcRenderer, resetElectronMock } from '../../test/mocks/electron.js';
import { TUNING_BRIDGE, TUNING_CHANNEL, TUNING_METHODS, type TuningBridge } from '../gpu/page/lent-tuning.js';
import { COMPUTE_PORT } from '../gpu/page/wire.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

/** The page's window as the preload sees it: load listeners and what is posted to the page. */
const page = {
  location: { origin: 'app://compute' },
  listeners: [] as (() => void)[],
  posted: [] as unknown[][],
  addEventListener(type: string, listener: () => void) {
    if (type === 'load') this.listeners.push(listener);
  },
  postMessage(...args: unknown[]) {
    this.posted.push(args);
  },
};

describe('compute window preload', () => {
  beforeAll(async () => {
    resetElectronMock();
    vi.stubGlobal('window', page);
    await import('./compute.js');
  });
  afterAll(() => vi.unstubAllGlobals());

  it('exposes only the lent tuning cache: one frozen function per TuningCache method', () => {
    expect([...contextBridge.exposed.keys()]).toEqual([TUNING_BRIDGE]);
    const bridge = contextBridge.exposed.get(TUNING_BRIDGE) as Record<string, unknown>;
    expect(Object.keys(bridge).sort()).toEqual([...TUNING_METHODS].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    for (const value of Object.values(bridge)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer.invoke);
    }
  });

  it('sends each call on the tuning channel, with the key and the choice only', async () => {
    const bridge = contextBridge.exposed.get(TUNING_BRIDGE) as TuningBridge;
    ipcRenderer.invocations.length = 0;
    await bridge.lookupScan('["k"]');
    await bridge.store('["k"]', { microM: 8, depth: 16 });
    expect(ipcRenderer.invocations).toEqual([
      { channel: TUNING_CHANNEL, payload: { method: 'lookupScan', key: '["k"]' } },
      { channel: TUNING_CHANNEL, payload: { method: 'store', key: '["k"]', config: { microM: 8, depth: 16 } } },
    ]);
  });

  it("hands main's port to the page after load, to the page's own origin", async () => {
    const port = { name: 'port2' };
    ipcRenderer.emit(COMPUTE_PORT, { ports: [port] });
    await Promise.resolve();
    expect(page.posted).toEqual([]);
    for (const listener of page.listeners) listener();
    await vi.waitFor(() => expect(page.posted).toEqual([[COMPUTE_PORT, 'app://compute', [port]]]));
  });
});
