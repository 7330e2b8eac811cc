/**
 * The Electron main process: lifecycle, the one window, the contract over IPC and the menus. It
 * runs no kernel and loads no native module: sweeps run in a thread, the CPU kernels in utility
 * processes, the GPU backends in the hidden compute window. Everything it serves comes from
 * src-main/services, the same as web mode.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import type { MenuCommand } from '../contract/schemas.js';
import { BackendPool } from '../services/backend-pool.js';
import { createServices, type MainServices } from '../services/create-services.js';
import { runsDirOf } from '../services/data-dir.js';
import { appAbsentReason, appBackendFactories } from './app-backends.js';
import { startUtilityHost } from './compute-host.js';
import { unpackedPath } from './unpacked.js';
import { ComputeWindowHost, connectComputeWindow, createComputeWindow } from './compute-window.js';
import { COMPUTE_ORIGIN } from './compute-protocol.js';
import { registerComputeTuning } from './compute-tuning.js';
import { fileTuningCache } from '../gpu/node/tuning-cache.js';
import { registerContract, windowSink } from './ipc.js';
import { menuTemplate } from './menu.js';
import { openRunFile } from './open-run-file.js';
import { electronHtmlToPdf } from './print-pdf.js';
import { shutdownWithin } from './quit.js';
import { rendererEntry } from './renderer-origin.js';
import { applyDevServerCsp, registerAppScheme, serveRenderer } from './renderer-protocol.js';
import { isTrustedSender } from './sender.js';
import { createAppWindow, lockDown } from './window.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const HOST = 'electron main';
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const entry = rendererEntry(devServerUrl);

registerAppScheme();
// Chromium's WebGPU for the hidden compute window (off by default on Linux).
app.commandLine.appendSwitch('enable-unsafe-webgpu');
// Tests and side-by-side installs point the app at another history.
const userData = process.env['MIXSCOPE_USER_DATA'];
if (userData) app.setPath('userData', userData);
// A second instance exits at once; the first hears 'second-instance' and focuses its window.
const primary = app.requestSingleInstanceLock();
if (!primary) app.exit(0);

// Any webContents that ever appears (devtools excepted) gets the same navigation lock.
app.on('web-contents-created', (_event, contents) => lockDown(contents, entry.origin));

let window: BrowserWindow | null = null;
let services: MainServices | null = null;
// The compute window open now, for the sender check of what main lends it (the tuning cache).
let computeBrowserWindow: BrowserWindow | null = null;
const computeWindow = new ComputeWindowHost(() => {
  const created = createComputeWindow(join(HERE, '../preload/compute.cjs'));
  computeBrowserWindow = created;
  created.once('closed', () => computeBrowserWindow === created && (computeBrowserWindow = null));
  return connectComputeWindow(created);
});

function openWindow(main: MainServices): BrowserWindow {
  const created = createAppWindow(join(HERE, '../preload/index.cjs'), entry);
  const detach = main.hub.attach(windowSink(created));
  created.on('closed', () => {
    detach();
    window = null;
    // A hidden window would keep the app alive; the next sweep opens a new one.
    void computeWindow.close();
  });
  return created;
}

async function start(): Promise<void> {
  const shadersDir = unpackedPath(join(app.getAppPath(), 'shaders'));
  const factories = appBackendFactories({
    utilityHost: (id) => startUtilityHost(join(HERE, 'compute-host.js'), id),
    windowBackend: (id) => computeWindow.following(id),
  });
  const main = createServices({
    runsDir: runsDirOf(app.getPath('userData')),
    app: { name: app.getName(), version: app.getVersion(), host: HOST },
    backends: new BackendPool(factories, HOST, appAbsentReason),
    sweepThread: join(HERE, 'sweep-thread.js'),
    // PDF reports through Electron's own Chromium rather than a second browser.
    printPdf: electronHtmlToPdf(),
  });
  services = main;
  if (devServerUrl) applyDevServerCsp(session.defaultSession, entry.origin);
  serveRenderer(devServerUrl ? undefined : join(HERE, '../renderer'), { pageDir: unpackedPath(join(HERE, '../compute-page')), shadersDir });
  registerContract(ipcMain, main.dispatch, (event) => isTrustedSender(event, window, entry.origin));
  // The wgsl autotuner's choices, kept in the same file as the CLI's and `mixscope serve`'s.
  registerComputeTuning(ipcMain, fileTuningCache(app.getPath('userData')), (event) => isTrustedSender(event, computeBrowserWindow, COMPUTE_ORIGIN));
  window = openWindow(main);
  const actions = {
    openRunFile: () => void (window && openRunFile(window, main.runs, main.hub)),
    cancelSweep: () => {
      const runId = main.sweep.state().runId;
      if (runId) main.sweep.cancel(runId);
    },
    command: (command: MenuCommand) => main.hub.emit('menu', command),
    development: !app.isPackaged,
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(actions, process.platform)));
}

app.on('second-instance', () => {
  if (!window && services) window = openWindow(services);
  if (window?.isMinimized()) window.restore();
  window?.focus();
});
app.on('activate', () => {
  if (!window && services) window = openWindow(services);
});
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let quitting = false;
app.on('before-quit', (event) => {
  if (quitting || !services) return;
  // Close the running sweep's record ('cancelled', every finished point kept) before exiting,
  // within QUIT_TIMEOUT_MS: a hung compute window must not keep the app open (the points are on disk).
  event.preventDefault();
  quitting = true;
  const main = services;
  void shutdownWithin(() => main.shutdown()).then((outcome) => (outcome === 'timed-out' ? app.exit(0) : app.quit()));
});

if (primary) {
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      console.error(err);
      app.exit(1);
    });
}
