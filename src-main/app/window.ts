/**
 * The one UI window: isolated, sandboxed, no Node in the page, and unable to go anywhere else —
 * navigation away from the renderer, new windows, <webview>, every permission request and every
 * permission check are refused. It is shown once painted, so a blank frame never flashes.
 */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import type { RendererEntry } from './renderer-origin.js';
import { originOf } from './renderer-origin.js';

/** Every window of ours: isolated, sandboxed, no Node in any frame or worker, no webviews. */
export const LOCKED_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

export function lockDown(contents: WebContents, origin: string): void {
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) !== origin) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== origin) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The renderer needs no permission (camera, notifications, clipboard, HID, serial, ...): requests
 * are refused, and checks, which Chromium makes without a request and otherwise answers from its
 * defaults, say no too.
 */
export function denyPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  session.setPermissionCheckHandler(() => false);
}

export function createAppWindow(preload: string, entry: RendererEntry): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'mixscope',
    webPreferences: { preload, ...LOCKED_WEB_PREFERENCES },
  });
  lockDown(window.webContents, entry.origin);
  denyPermissions(window.webContents.session);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(entry.url);
  return window;
}
