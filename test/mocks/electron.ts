/**
 * The one stand-in for the `electron` module in Node tests: `vi.mock('electron', () => import(
 * '<path>/test/mocks/electron.js'))`. It records what the code under test asks of Electron
 * (handlers registered, objects exposed to the page, messages sent) so tests can assert on it.
 */
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { forkUtilityProcess } from './utility-process.js';

/** `never`: a registered handler may expect any event type; tests pass their own stand-ins. */
type Handler = (event: never, payload: unknown) => unknown;

/** `ipcMain`: handlers by channel; `invoke` plays a renderer call with a chosen event. */
export const ipcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
  async invoke(channel: string, event: unknown, payload: unknown): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(event as never, payload);
  },
};

/** `ipcRenderer`: invoke calls are recorded; `emit` delivers a main-to-page event. */
class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { channel: string; payload: unknown }[] = [];
  async invoke(channel: string, payload: unknown): Promise<unknown> {
    this.invocations.push({ channel, payload });
    return { ok: true, value: { channel } };
  }
}
export const ipcRenderer = new FakeIpcRenderer();

/** `contextBridge`: what the preload exposed, by key. */
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`${key} exposed twice`);
    this.exposed.set(key, api);
  },
};

/** A session: keeps the permission handlers set on it, so a test can ask them. */
export class FakeSession {
  permissionRequestHandler: ((contents: unknown, permission: string, grant: (allowed: boolean) => void) => void) | null = null;
  permissionCheckHandler: ((contents: unknown, permission: string) => boolean) | null = null;
  setPermissionRequestHandler(handler: FakeSession['permissionRequestHandler']): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: FakeSession['permissionCheckHandler']): void {
    this.permissionCheckHandler = handler;
  }
}

/** A webContents: records sends; `mainFrame` is its top frame. */
export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  readonly sent: { channel: string; payload: unknown }[] = [];
  /** `postMessage` calls (a channel, a message, transferred MessagePortMain ends). */
  readonly posted: { channel: string; message: unknown; ports: FakeMessagePortMain[] }[] = [];
  destroyed = false;
  readonly mainFrame: { url: string; parent: null };
  constructor(url = 'app://mixscope/index.html') {
    super();
    this.mainFrame = { url, parent: null };
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  postMessage(channel: string, message: unknown, ports: FakeMessagePortMain[] = []): void {
    this.posted.push({ channel, message, ports });
    this.emit('posted', channel, ports);
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setWindowOpenHandler(): void {}
  /** Scripts run in the page, and what each call answers in turn (then `true`). */
  readonly scripts: string[] = [];
  scriptResults: unknown[] = [];
  async executeJavaScript(code: string): Promise<unknown> {
    this.scripts.push(code);
    return this.scriptResults.length > 0 ? this.scriptResults.shift() : true;
  }
  /** printToPDF calls; answers a tiny PDF-looking buffer. */
  readonly printed: unknown[] = [];
  async printToPDF(options: unknown): Promise<Buffer> {
    this.printed.push(options);
    return Buffer.from('%PDF-1.7 mock');
  }
}

export class BrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  constructor(readonly options: unknown = {}) {
    super();
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  /** Files loaded with loadFile, by path (what the file held is read by the test itself). */
  loadFile(path: string): Promise<void> {
    this.loaded.push(path);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.webContents.destroyed;
  }
  /** Closes at once, as Electron's does: 'closed' is emitted. */
  destroy(): void {
    if (this.webContents.destroyed) return;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
}

/** One end of `MessageChannelMain`: Node's MessagePort underneath, `message` events shaped `{ data }`. */
export class FakeMessagePortMain extends EventEmitter {
  constructor(private readonly port: MessagePort) {
    super();
    port.on('message', (data: unknown) => this.emit('message', { data, ports: [] }));
  }
  postMessage(message: unknown): void {
    this.port.postMessage(message);
  }
  start(): void {}
  close(): void {
    this.port.close();
  }
}

export class MessageChannelMain {
  readonly port1: FakeMessagePortMain;
  readonly port2: FakeMessagePortMain;
  constructor() {
    const { port1, port2 } = new MessageChannel();
    this.port1 = new FakeMessagePortMain(port1);
    this.port2 = new FakeMessagePortMain(port2);
  }
}

export const app = {
  isPackaged: false,
  getPath: (): string => '/tmp/mixscope-test-user-data',
  getName: (): string => 'mixscope',
  getVersion: (): string => '0.0.0-test',
  whenReady: (): Promise<void> => new Promise(() => undefined),
  on: (): void => undefined,
  quit: (): void => undefined,
  requestSingleInstanceLock: (): boolean => true,
};

export const Menu = {
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu: (): void => undefined,
};

export const dialog = {
  showOpenDialog: async () => ({ canceled: true, filePaths: [] as string[] }),
  showMessageBox: async () => ({ response: 0 }),
};

export const protocol = { registerSchemesAsPrivileged: (): void => undefined, handle: (): void => undefined };
export const session = { defaultSession: { webRequest: { onHeadersReceived: (): void => undefined } } };
/** Node child processes standing in for utility processes (utility-process.ts). */
export const utilityProcess = { fork: forkUtilityProcess };

/** Clears everything recorded, between tests. */
export function resetElectronMock(): void {
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  contextBridge.exposed.clear();
}

export default { ipcMain, ipcRenderer, contextBridge, BrowserWindow, MessageChannelMain, app, Menu, dialog, protocol, session, utilityProcess };
