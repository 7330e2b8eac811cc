/**
 * The preload of the app window: runs sandboxed, before the page, with contextIsolation on.
 * It exposes the contract bridge as `window.mixscope` and nothing else.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge.js';

contextBridge.exposeInMainWorld('mixscope', buildBridge(ipcRenderer));
