/**
 * The preload of the hidden compute window: hands the MessagePort that main sends to the page, once
 * the page has loaded (the documented way to reach a context-isolated page's main world). Exposes
 * nothing on `window`; the page answers the compute protocol on the port and nothing else.
 */
import { ipcRenderer } from 'electron';
import { COMPUTE_PORT } from '../gpu/page/wire.js';

const loaded = new Promise<void>((resolve) => window.addEventListener('load', () => resolve(), { once: true }));

ipcRenderer.on(COMPUTE_PORT, (event) => {
  void loaded.then(() => window.postMessage(COMPUTE_PORT, window.location.origin, [...event.ports]));
});
