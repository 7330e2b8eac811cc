/**
 * HTML report → PDF. The CLI and web mode print with headless Chromium through playwright-core
 * (MIXSCOPE_CHROMIUM, default /usr/bin/chromium); the app passes its own `HtmlToPdf` over
 * Electron's webContents.printToPDF (see README). Either way the charts are drawn before printing:
 * the printer waits for the report script's ready flag.
 */
import type { Browser } from 'playwright-core';
import { MixscopeError, errorMessage } from '../engine/core/errors.js';
import { REPORT_READY_ATTRIBUTE } from '../engine/report/page.js';
import { CHROMIUM_PATH } from '../gpu/page/page-host.js';

export type HtmlToPdf = (html: string) => Promise<Uint8Array>;

/** A4 with 12 mm margins leaves 186 mm ≈ 703 CSS px: charts are drawn at the printed width. */
const PRINT_WIDTH_PX = 703;
const READY_TIMEOUT_MS = 60_000;

/** A JavaScript expression that is true once every chart is drawn (for any printer). */
export const REPORT_READY_EXPRESSION = `document.documentElement.hasAttribute('${REPORT_READY_ATTRIBUTE}')`;

export async function chromiumHtmlToPdf(html: string, executablePath = CHROMIUM_PATH): Promise<Uint8Array> {
  const { chromium } = await import('playwright-core');
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath,
      headless: true,
      args: ['--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  } catch (err) {
    throw new MixscopeError(`cannot start Chromium (${executablePath}; set MIXSCOPE_CHROMIUM) to print the PDF: ${errorMessage(err).split('\n')[0]}`, 'backend-unavailable');
  }
  try {
    const context = await browser.newContext({ viewport: { width: PRINT_WIDTH_PX, height: 1000 } });
    // The report needs nothing from anywhere: any request would be a bug, and is refused.
    await context.route('**/*', (route) => route.abort());
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForFunction(REPORT_READY_EXPRESSION, undefined, { timeout: READY_TIMEOUT_MS });
    const ready = await page.evaluate((attr) => document.documentElement.getAttribute(attr), REPORT_READY_ATTRIBUTE);
    if (ready?.startsWith('error')) throw new MixscopeError(`the report's charts could not be drawn for the PDF (${ready})`, 'io');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
    return new Uint8Array(pdf);
  } catch (err) {
    if (err instanceof MixscopeError) throw err;
    throw new MixscopeError(`printing the PDF in Chromium failed: ${errorMessage(err).split('\n')[0]}`, 'io');
  } finally {
    await browser.close();
  }
}
