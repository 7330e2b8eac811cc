/**
 * The app's hidden compute window: the same compute page as the CLI's headless Chromium (gpu.js
 * webgl2, which needs a browser, and `wgsl` on Chromium's WebGPU as the fallback host), in a
 * window that is never shown — sandboxed, isolated, no Node, the page's own CSP, no navigation.
 * Main talks to it over a MessagePort that the preload hands to the page (PageBackend's protocol,
 * the same as Playwright's transport); a closed window or a crashed renderer fails the pending
 * calls with DeviceLostError, and the next use opens a new window.
 */
import { BrowserWindow, MessageChannelMain } from 'electron';
import type { Backend, BackendId } from '../engine/core/backend.js';
import { MixscopeError } from '../engine/core/errors.js';
import { callPage } from '../gpu/page/dispatch.js';
import { PageBackend } from '../gpu/page/page-backend.js';
import { supportKey } from '../gpu/node/protocol.js';
import { portTransport, type PortTransport } from '../gpu/page/port-transport.js';
import { COMPUTE_PORT } from '../gpu/page/wire.js';
import { COMPUTE_ORIGIN } from './compute-protocol.js';
import { LOCKED_WEB_PREFERENCES, lockDown } from './window.js';
import { WindowBackend, pageSupportTables } from './window-backend.js';

export const COMPUTE_PAGE_URL = `${COMPUTE_ORIGIN}/index.html`;

export function createComputeWindow(preload: string): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 640,
    height: 480,
    title: 'mixscope compute',
    webPreferences: {
      preload,
      ...LOCKED_WEB_PREFERENCES,
      // Hidden windows are throttled by default; kernels and their timings must not be.
      backgroundThrottling: false,
    },
  });
  lockDown(window.webContents, COMPUTE_ORIGIN);
  return window;
}

export interface ComputeWindow {
  readonly window: BrowserWindow;
  readonly backends: readonly PageBackend[];
  close(): void;
}

/** Loads the page, hands it its port, and lists the backends it offers. */
export async function connectComputeWindow(window: BrowserWindow, url = COMPUTE_PAGE_URL): Promise<ComputeWindow> {
  await window.loadURL(url);
  const { port1, port2 } = new MessageChannelMain();
  const transport: PortTransport = portTransport(
    { post: (message) => port1.postMessage(message), onMessage: (handler) => port1.on('message', (event) => handler(event.data)) },
    'the compute window',
  );
  port1.start();
  window.webContents.on('render-process-gone', (_event, details) => {
    transport.close(`its renderer is gone (${details.reason})`, true);
    // Closed, so that the next call opens a new window.
    setImmediate(() => !window.isDestroyed() && window.destroy());
  });
  window.once('closed', () => {
    transport.close('the window closed');
    port1.close();
  });
  window.webContents.postMessage(COMPUTE_PORT, null, [port2]);
  const ids = await callPage(transport, 'backendIds');
  const tables = await pageSupportTables(transport, ids);
  const unknown = { supported: false, fidelity: 'exact', note: 'the compute page does not know this form' } as const;
  return {
    window,
    backends: ids.map((id) => new PageBackend(id, transport, (b, mixer, form, dtype) => tables.get(b)?.[supportKey(mixer.id, form.id, dtype)] ?? unknown)),
    close: () => {
      if (!window.isDestroyed()) window.destroy();
    },
  };
}

/** One compute window for the app, opened on first use and again after it closed or crashed. */
export class ComputeWindowHost {
  private current: Promise<ComputeWindow> | undefined;

  constructor(private readonly open: () => Promise<ComputeWindow>) {}

  private async windowNow(): Promise<ComputeWindow> {
    if (!this.current) {
      const opening = this.open();
      this.current = opening;
      opening.then(
        (w) => w.window.once('closed', () => this.current === opening && (this.current = undefined)),
        () => this.current === opening && (this.current = undefined),
      );
    }
    return this.current;
  }

  /** A backend that follows the window open now (a new one after a crash): the app's pool holds these. */
  following(id: BackendId): Backend {
    return new WindowBackend(id, () => this.backend(id));
  }

  /** A backend of the page; its dispose leaves the window to the host. */
  async backend(id: BackendId): Promise<Backend> {
    const found = (await this.windowNow()).backends.find((b) => b.id === id);
    if (!found) throw new MixscopeError(`the compute window offers no backend '${id}'`, 'backend-unavailable');
    return found;
  }

  async close(): Promise<void> {
    const current = this.current;
    this.current = undefined;
    (await current?.catch(() => undefined))?.close();
  }
}
