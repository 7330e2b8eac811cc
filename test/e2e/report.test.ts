/**
 * The HTML report end to end in headless Chromium: a real small run written by `mixscope run
 * --report`, opened from file:// with every request refused (none may be attempted), its charts
 * drawn with data and no page errors; a hostile record's markup shown as text; a comparison report
 * drawn likewise; and the PDF's first page, rendered by pdftoppm, showing a chart (kept under
 * test-results/e2e/).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src-main/cli/main.js';
import { compareRuns } from '../../src-main/engine/compare/index.js';
import { COMPARISON_CHARTS, REPORT_READY_ATTRIBUTE, RUN_CHARTS } from '../../src-main/engine/report/page.js';
import { renderReport } from '../../src-main/report/render.js';
import { XSS, hostileRecord, scaledRecord } from '../../src-main/report/test-fixtures.js';
import { ARTIFACTS, CHROMIUM, launchChromium, screenshot } from './browser.js';

const chromium = existsSync(CHROMIUM);
const pdftoppm = existsSync('/usr/bin/pdftoppm');
const quiet = { stdout: () => {}, stderr: () => {}, isTTY: false, onInterrupt: () => () => {} };

let dir: string;
let browser: Browser;

interface Opened {
  readonly page: Page;
  readonly problems: string[];
  /** Every request other than the report file itself (each one refused). */
  readonly requests: string[];
}

/** Opens a report from file:// with the network cut off: only the file itself may load. */
async function openReport(file: string): Promise<Opened> {
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (msg) => void (msg.type() === 'error' && problems.push(msg.text())));
  page.on('pageerror', (err) => problems.push(err.message));
  page.on('dialog', (dialog) => problems.push(`dialog: ${dialog.message()}`));
  await page.goto(url);
  await page.waitForFunction((attr) => document.documentElement.hasAttribute(attr), REPORT_READY_ATTRIBUTE, { timeout: 60_000 });
  return { page, problems, requests };
}

/** Per drawn chart, its series' data lengths, read from the live ECharts instances. */
function seriesLengths(page: Page): Promise<Record<string, number[]>> {
  return page.evaluate(() => {
    const charts = (window as unknown as { mixscopeReport: { charts: Record<string, { getOption(): { series: { data?: unknown[] }[] } }> } }).mixscopeReport.charts;
    return Object.fromEntries(Object.entries(charts).map(([id, chart]) => [id, chart.getOption().series.map((s) => s.data?.length ?? 0)]));
  });
}

describe.skipIf(!chromium)(`the HTML report from file://${chromium ? '' : ` SKIPPED: ${CHROMIUM} is not installed`}`, () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mixscope-e2e-report-'));
    const run = ['run', '--mixers', 'softmax-attention,linear-attention', '--lengths', '32,64,128', '--backends', 'js', '--d', '16', '--dv', '16'];
    const code = await main([...run, '--reps', '3', '--warmup', '0', '--min-time', '0', '--no-calibrate', '--out', join(dir, 'run.json'), '--report', join(dir, 'run.html')], quiet);
    expect(code).toBe(0);
    writeFileSync(join(dir, 'hostile.html'), await renderReport({ kind: 'run', record: hostileRecord() }, 'html'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens offline: every chart drawn with data, no request attempted, no page error', async () => {
    const { page, problems, requests } = await openReport(join(dir, 'run.html'));
    const ready = await page.evaluate((attr) => document.documentElement.getAttribute(attr), REPORT_READY_ATTRIBUTE);
    const lengths = await seriesLengths(page);
    expect(ready).toBe(String(Object.keys(lengths).length));
    // Every chart of the run view; a time panel per mixer, a strip and a matrix for the one backend.
    expect(Object.keys(lengths).sort()).toEqual(
      [...RUN_CHARTS.filter((c) => !c.group).map((c) => c.id), 'time-panels:softmax-attention', 'time-panels:linear-attention', 'fastest:js', 'crossover-matrix:js'].sort(),
    );
    for (const [id, series] of Object.entries(lengths)) expect(series.some((n) => n > 0), `chart ${id} has data`).toBe(true);
    // Five forms at three lengths: the time chart's median lines hold every point.
    expect(lengths['time']!.filter((n) => n === 3).length).toBeGreaterThanOrEqual(5);
    await screenshot(page, 'report-run');
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows a hostile record as text: no element made from its markup', async () => {
    const { page, problems, requests } = await openReport(join(dir, 'hostile.html'));
    await expect(page.locator('img').count()).resolves.toBe(0);
    const environment = await page.locator('#environment').textContent();
    expect(environment).toContain(XSS);
    await expect(page.locator('script').count()).resolves.toBe(2);
    // Every chart's tooltip on every series (a hostile form id names a curve): still no element.
    const tips = await page.evaluate(() => {
      const charts = (window as unknown as { mixscopeReport: { charts: Record<string, { getOption(): { series: { data?: unknown[] }[] }; dispatchAction(a: object): void }> } }).mixscopeReport.charts;
      let shown = 0;
      for (const chart of Object.values(charts)) {
        chart.getOption().series.forEach((s, seriesIndex) => {
          if ((s.data?.length ?? 0) === 0) return;
          chart.dispatchAction({ type: 'showTip', seriesIndex, dataIndex: 0 });
          shown++;
        });
      }
      return shown;
    });
    expect(tips).toBeGreaterThan(3);
    await expect(page.locator('img').count()).resolves.toBe(0);
    expect(await page.locator('body').textContent()).toContain(`+cmd ${XSS}`);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await screenshot(page, 'report-hostile');
    await page.context().close();
  });

  it('draws a comparison report: the runs overlaid and the ratio heatmap, with data', async () => {
    const base = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    const other = { ...scaledRecord(base, 2), environment: { ...base.environment, cpu: { ...base.environment.cpu, model: XSS } } };
    const comparison = compareRuns([base, other], { labels: ['base', 'slower'] });
    writeFileSync(join(dir, 'compare.html'), await renderReport({ kind: 'comparison', comparison, records: [base, other] }, 'html'));
    const { page, problems, requests } = await openReport(join(dir, 'compare.html'));
    const lengths = await seriesLengths(page);
    expect(Object.keys(lengths).sort()).toEqual(COMPARISON_CHARTS.map((c) => c.id).sort());
    for (const [id, series] of Object.entries(lengths)) expect(series.some((n) => n > 0), `chart ${id} has data`).toBe(true);
    await expect(page.locator('tr.verdict-slower').count()).resolves.toBe(comparison.rows.filter((r) => r.verdict === 'slower').length);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await screenshot(page, 'report-comparison');
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it.skipIf(!pdftoppm)(`prints a PDF whose first page shows a chart${pdftoppm ? '' : ' SKIPPED: pdftoppm is not installed'}`, async () => {
    const record = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    const pdf = await renderReport({ kind: 'run', record }, 'pdf');
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdfPath = join(ARTIFACTS, 'report.pdf');
    writeFileSync(pdfPath, pdf);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(ARTIFACTS, 'report-pdf-page-1')]);
    const png = readFileSync(join(ARTIFACTS, 'report-pdf-page-1.png'));
    // Count the page's ink and its coloured pixels (the curves; text and rules are grey) in a canvas.
    const context = await browser.newContext();
    const page = await context.newPage();
    const ink = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const g = canvas.getContext('2d')!;
      g.drawImage(image, 0, 0);
      const px = g.getImageData(0, 0, image.width, image.height).data;
      let dark = 0;
      let coloured = 0;
      for (let i = 0; i < px.length; i += 4) {
        const [r, gr, b] = [px[i]!, px[i + 1]!, px[i + 2]!];
        if (Math.min(r, gr, b) < 200) dark++;
        if (Math.max(r, gr, b) - Math.min(r, gr, b) > 60) coloured++;
      }
      return { dark, coloured, total: px.length / 4 };
    }, `data:image/png;base64,${png.toString('base64')}`);
    await context.close();
    expect(ink.dark / ink.total).toBeGreaterThan(0.01);
    expect(ink.coloured).toBeGreaterThan(500);
  });
});
