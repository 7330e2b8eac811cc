/**
 * PDF reports in the app: the self-contained HTML report loaded from a temporary file into a
 * hidden offscreen window (locked like every window of ours; the report needs no network and no
 * Node), printed by Chromium's own printToPDF once the report marks its charts drawn. The window
 * and the file go away whatever happens.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserWindow } from 'electron';
import { MixscopeError, errorMessage } from '../engine/core/errors.js';
import { REPORT_READY_EXPRESSION } from '../report/pdf.js';
import { LOCKED_WEB_PREFERENCES } from './window.js';

/** A4 less 12 mm margins is about 703 CSS px: the charts are drawn at the width they print at. */
const PRINT_WIDTH_PX = 703;
const READY_TIMEOUT_MS = 60_000;
const POLL_MS = 50;
/** 12 mm on every side, as the command line's Chromium printer (Electron takes inches). */
const MARGINS = { top: 12 / 25.4, bottom: 12 / 25.4, left: 12 / 25.4, right: 12 / 25.4 };

/** The window a report is printed in: never shown, no preload, the app's locked preferences. */
export function offscreenReportWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: PRINT_WIDTH_PX,
    height: 1000,
    webPreferences: { ...LOCKED_WEB_PREFERENCES, offscreen: true },
  });
}

async function waitForCharts(window: BrowserWindow, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await window.webContents.executeJavaScript(REPORT_READY_EXPRESSION))) {
    if (Date.now() > deadline) throw new MixscopeError(`the report's charts were not drawn within ${timeoutMs / 1000} s; no PDF written`, 'io');
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
}

export function electronHtmlToPdf(makeWindow: () => BrowserWindow = offscreenReportWindow, timeoutMs = READY_TIMEOUT_MS) {
  return async (html: string): Promise<Uint8Array> => {
    const dir = await mkdtemp(join(tmpdir(), 'mixscope-report-'));
    const window = makeWindow();
    try {
      const file = join(dir, 'report.html');
      await writeFile(file, html, 'utf8');
      await window.loadFile(file);
      await waitForCharts(window, timeoutMs);
      const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, margins: MARGINS });
      return new Uint8Array(pdf);
    } catch (err) {
      if (err instanceof MixscopeError) throw err;
      throw new MixscopeError(`printing the PDF failed: ${errorMessage(err)}`, 'io');
    } finally {
      if (!window.isDestroyed()) window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  };
}
