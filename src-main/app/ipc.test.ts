import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { BrowserWindow, FakeWebContents, ipcMain, resetElectronMock } from '../../test/mocks/electron.js';
import { createDispatch, type Handlers } from '../contract/dispatch.js';
import { methodChannel } from '../contract/names.js';
import { registerContract } from './ipc.js';
import { isTrustedSender } from './sender.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

const ORIGIN = 'app://mixscope';

function eventFrom(sender: FakeWebContents, frame: { url: string; parent: unknown } = sender.mainFrame): IpcMainInvokeEvent {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

describe('IPC handlers', () => {
  const window = new BrowserWindow();
  const opened: string[] = [];
  const handlers = { openRun: async ({ id }: { id: string }) => opened.push(id) as never } as unknown as Handlers;

  beforeEach(() => {
    resetElectronMock();
    opened.length = 0;
    registerContract(ipcMain, createDispatch(handlers), (event) => isTrustedSender(event, window, ORIGIN));
  });

  it('registers one handler per contract method', () => {
    expect(ipcMain.handlers.size).toBe(13);
    expect(ipcMain.handlers.has(methodChannel('startSweep'))).toBe(true);
  });

  it('refuses calls from another webContents without running the handler', async () => {
    const reply = await ipcMain.invoke(methodChannel('openRun'), eventFrom(new FakeWebContents()), { id: 'r1' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(opened).toEqual([]);
  });

  it('refuses our window once its frame shows another origin, and refuses subframes', async () => {
    const wc = window.webContents;
    const elsewhere = await ipcMain.invoke(methodChannel('openRun'), eventFrom(wc, { url: 'https://example.com/', parent: null }), { id: 'r1' });
    const subframe = await ipcMain.invoke(methodChannel('openRun'), eventFrom(wc, { url: `${ORIGIN}/x.html`, parent: wc.mainFrame }), { id: 'r1' });
    const noFrame = await ipcMain.invoke(methodChannel('openRun'), { sender: wc, senderFrame: null }, { id: 'r1' });
    for (const reply of [elsewhere, subframe, noFrame]) expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(opened).toEqual([]);
  });

  it('answers our own page, and refuses its bad payload naming the field', async () => {
    const wc = window.webContents;
    const bad = await ipcMain.invoke(methodChannel('openRun'), eventFrom(wc), { id: 42 });
    expect(bad).toEqual({ ok: false, error: { code: 'invalid-request', message: 'openRun: id: expected string, got number' } });
    expect(opened).toEqual([]);
    await ipcMain.invoke(methodChannel('openRun'), eventFrom(wc), { id: 'r1' });
    expect(opened).toEqual(['r1']);
  });
});
