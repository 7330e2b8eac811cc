import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { BrowserWindow } from '../../test/mocks/electron.js';
import { REPORT_READY_EXPRESSION } from '../report/pdf.js';
import { electronHtmlToPdf, offscreenReportWindow } from './print-pdf.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

describe('PDF reports in the app', () => {
  it('prints from a hidden, offscreen, locked window with no preload', () => {
    const options = (offscreenReportWindow() as unknown as BrowserWindow).options as { show: boolean; webPreferences: Record<string, unknown> };
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ offscreen: true, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(options.webPreferences['preload']).toBeUndefined();
  });

  it('loads the report from a file, waits until its charts are drawn, prints A4 and cleans up', async () => {
    const window = new BrowserWindow();
    window.webContents.scriptResults = [false, false, true];
    let seen = '';
    const loadFile = window.loadFile.bind(window);
    window.loadFile = async (path: string) => {
      seen = readFileSync(path, 'utf8');
      return loadFile(path);
    };
    const pdf = await electronHtmlToPdf(() => window as never)('<html><body>report</body></html>');
    expect(Buffer.from(pdf).toString()).toBe('%PDF-1.7 mock');
    expect(seen).toBe('<html><body>report</body></html>');
    expect(window.webContents.scripts).toEqual([REPORT_READY_EXPRESSION, REPORT_READY_EXPRESSION, REPORT_READY_EXPRESSION]);
    expect(window.webContents.printed).toEqual([{ pageSize: 'A4', printBackground: true, margins: { top: 12 / 25.4, bottom: 12 / 25.4, left: 12 / 25.4, right: 12 / 25.4 } }]);
    expect(window.isDestroyed()).toBe(true);
    expect(existsSync(window.loaded[0] ?? '')).toBe(false);
  });

  it('gives up on a report whose charts never draw, naming why, and still cleans up', async () => {
    const window = new BrowserWindow();
    window.webContents.scriptResults = Array.from({ length: 1000 }, () => false);
    await expect(electronHtmlToPdf(() => window as never, 120)('<html></html>')).rejects.toThrow(/charts were not drawn within 0\.12 s; no PDF written/);
    expect(window.webContents.printed).toEqual([]);
    expect(window.isDestroyed()).toBe(true);
    expect(existsSync(window.loaded[0] ?? '')).toBe(false);
  });
});
