/**
 * The preload of the hidden compute window: hands the MessagePort that main sends to the page, once
 * the page has loaded (the documented way to reach a context-isolated page's main world), and
 * exposes one thing on `window`: `mixscopeTuning`, the wgsl tuning cache main lends the page (one
 * function per TuningCache method, each an invoke on its one channel; src-main/gpu/page/lent-tuning.ts).
 * The page never gets `ipcRenderer`, a channel to pick, or the IPC event.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { TUNING_BRIDGE, buildTuningBridge } from '../gpu/page/lent-tuning.js';
import { COMPUTE_PORT } from '../gpu/page/wire.js';

const loaded = new Promise<void>((resolve) => window.addEventListener('load', () => resolve(), { once: true }));

ipcRenderer.on(COMPUTE_PORT, (event) => {
  void loaded.then(() => window.postMessage(COMPUTE_PORT, window.location.origin, [...event.ports]));
});

contextBridge.exposeInMainWorld(TUNING_BRIDGE, buildTuningBridge((channel, call) => ipcRenderer.invoke(channel, call)));
