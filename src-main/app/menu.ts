/**
 * The application menu: File (open a run file, save the run on screen, export the report of the
 * run or comparison on screen), Run (start, cancel), View (the app's views, zoom, full screen;
 * developer tools only in development). Items that act on what the page shows become `menu`
 * events; the rest run in main.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../contract/schemas.js';

export interface MenuActions {
  /** Shows the open dialog and imports the chosen file (refused with its reason when invalid). */
  openRunFile(): void;
  /** Cancels the running sweep in main, whatever the page is doing. */
  cancelSweep(): void;
  /** Sends a command to the page. */
  command(command: MenuCommand): void;
  readonly development: boolean;
}

export function menuTemplate(actions: MenuActions, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const view = (label: string, accelerator: string, name: 'sweep' | 'results' | 'focus' | 'history' | 'probe'): MenuItemConstructorOptions => ({
    label,
    accelerator,
    click: () => actions.command({ action: 'showView', view: name }),
  });
  const template: MenuItemConstructorOptions[] = [
    {
      label: 'File',
      submenu: [
        { label: 'Open Run File…', accelerator: 'CmdOrCtrl+O', click: () => actions.openRunFile() },
        { label: 'Save Run as JSON…', accelerator: 'CmdOrCtrl+S', click: () => actions.command({ action: 'saveRun', format: 'json' }) },
        { label: 'Save Run as CSV…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.command({ action: 'saveRun', format: 'csv' }) },
        { label: 'Export Report…', accelerator: 'CmdOrCtrl+E', click: () => actions.command({ action: 'exportReport' }) },
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Run',
      submenu: [
        { label: 'Start Sweep', accelerator: 'CmdOrCtrl+R', click: () => actions.command({ action: 'startSweep' }) },
        { label: 'Cancel Sweep', accelerator: 'CmdOrCtrl+.', click: () => actions.cancelSweep() },
      ],
    },
    {
      label: 'View',
      submenu: [
        view('Sweep', 'CmdOrCtrl+1', 'sweep'),
        view('Results', 'CmdOrCtrl+2', 'results'),
        view('Focus', 'CmdOrCtrl+3', 'focus'),
        view('History', 'CmdOrCtrl+4', 'history'),
        view('Devices', 'CmdOrCtrl+5', 'probe'),
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(actions.development ? [{ role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
      ],
    },
  ];
  return mac ? [{ role: 'appMenu' }, ...template] : template;
}
