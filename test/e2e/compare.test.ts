/**
 * The Compare view end to end, in headless Chromium through web mode: two run files imported in
 * History, compared, the overlay and the ratio heatmap drawn with the comparison's data, a hostile
 * CPU model and adapter description shown as text (no element, no dialog) in History and Compare,
 * and the comparison exported from the UI as a self-contained HTML report that opens from file://
 * with every request refused, and as a PDF.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_DATA_ELEMENT_ID, REPORT_READY_ATTRIBUTE } from '../../src-main/engine/report/page.js';
import { ARTIFACTS, CHROMIUM, launchChromium, openPage, screenshot, type WatchedPage } from './browser.js';
import { compareRunFiles, HOSTILE } from './compare-fixtures.js';
import { ensureRendererBuilt } from './renderer-build.js';
import { chartSeries } from './ui.js';
import { startWebMode, type WebMode } from './web-mode.js';

const chromium = existsSync(CHROMIUM);
const [BASE, OTHER] = compareRunFiles();

let dataDir: string;
let server: WebMode;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
const dialogs: string[] = [];

async function download(button: string): Promise<{ name: string; bytes: Buffer }> {
  const started = page.waitForEvent('download', { timeout: 90_000 });
  await page.locator(`[data-test="${button}"]`).click();
  const file = await started;
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path()) ?? '') };
}

describe.skipIf(!chromium)(`the Compare view in web mode${chromium ? '' : ` SKIPPED: ${CHROMIUM} is not installed`}`, () => {
  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'mixscope-e2e-compare-'));
    server = await startWebMode({ dataDir, rendererDir });
    browser = await launchChromium();
    watched = await openPage(browser, server.url);
    page = watched.page;
    // Two cores shared with the whole suite: opening a 112-point run draws every run chart.
    page.setDefaultTimeout(90_000);
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports two runs in History and shows the hostile CPU model as text', async () => {
    await page.locator('[data-test="nav-history"]').click();
    await page.getByText('No saved runs yet.').waitFor();
    for (const run of [BASE, OTHER]) {
      await page.locator('[data-test="import-file"]').setInputFiles({ name: run.name, mimeType: 'application/json', buffer: Buffer.from(run.text) });
      await page.locator(`[data-test="runs"] tr[data-run="${run.id}"]`).waitFor();
    }
    await expect(page.locator(`tr[data-run="${OTHER.id}"] td`).nth(2).textContent()).resolves.toBe(HOSTILE);
    await expect(page.locator('main img').count()).resolves.toBe(0);
  });

  it('compares the picked runs: the overlay and the heatmap are drawn with the comparison data', async () => {
    await page.locator(`tr[data-run="${BASE.id}"] [data-test="pick-run"]`).check();
    await page.locator(`tr[data-run="${OTHER.id}"] [data-test="pick-run"]`).check();
    await page.locator('[data-test="compare-selected"]').click();
    await page.locator('[data-chart="compare-heatmap"] .echart[data-series]').waitFor({ timeout: 60_000 });
    await expect(page.locator(`[data-test="baseline-${BASE.id}"]`).isChecked()).resolves.toBe(true);

    const heatmap = await chartSeries(page, 'compare-heatmap');
    const cells = heatmap.flatMap((s) => s.data as { value: [number, number, number]; verdict: string }[]);
    // Every form of every mixer at four lengths, each point matched.
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.length % 4).toBe(0);
    const verdicts = new Set(cells.map((c) => c.verdict));
    expect(verdicts.has('slower') && verdicts.has('faster')).toBe(true);
    // Softmax attention was made 2× slower in the other run: its medians are about twice the baseline's.
    const overlay = await chartSeries(page, 'compare-overlay');
    const softmax = overlay.filter((s) => s.name.startsWith('softmax-attention.'));
    expect(softmax.length).toBeGreaterThanOrEqual(2);
    expect(softmax.every((s) => s.points === 4)).toBe(true);
    const medians = (name: string) => (overlay.find((s) => s.name === name)?.data as { value: number[] }[]).map((d) => d.value[1] as number);
    const form = softmax[0]!.name.replace(/ — .*$/, '');
    const ratios = medians(`${form} — ${OTHER.id}`).map((ms, i) => ms / medians(`${form} — ${BASE.id}`)[i]!);
    for (const r of ratios) expect(r).toBeGreaterThan(1.6);
    await expect(page.locator('[data-test="geomean"]').textContent()).resolves.toMatch(/Geometric mean over \d+ rows: \d/);
    await screenshot(page, 'compare-view');
  });

  it('shows the hostile adapter description and CPU model as text in the environment diff, with no element and no dialog', async () => {
    const banner = page.locator('[data-test="env-diff"]');
    await expect(banner.textContent()).resolves.toContain(HOSTILE);
    await expect(page.locator('main img').count()).resolves.toBe(0);
    await expect(page.title()).resolves.toBe('mixscope');
    expect(dialogs).toEqual([]);
  });

  it('exports the comparison as one self-contained HTML file that opens from file:// with no request', async () => {
    const { name, bytes } = await download('compare-report-html');
    expect(name).toMatch(/^mixscope-compare-.+\.html$/);
    const html = bytes.toString('utf8');
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = join(ARTIFACTS, 'compare-report.html');
    writeFileSync(file, html);
    const data = new RegExp(`<script type="application/json" id="${REPORT_DATA_ELEMENT_ID}">([\\s\\S]*?)</script>`).exec(html)?.[1];
    const embedded = JSON.parse(data ?? 'null') as { kind: string; records: { id: string }[]; comparison: { baseline: string } };
    expect([embedded.kind, embedded.records.map((r) => r.id), embedded.comparison.baseline]).toEqual(['comparison', [BASE.id, OTHER.id], BASE.id]);
    expect(html).not.toMatch(/<script[^>]+\bsrc=|<link[^>]+\bhref=["']?(https?:)?\/\//i);
    expect(html).not.toContain(HOSTILE);

    const context = await browser.newContext();
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(file).href) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const report = await context.newPage();
    const errors: string[] = [];
    report.on('pageerror', (err) => errors.push(err.message));
    report.on('dialog', (dialog) => void dialog.dismiss().then(() => errors.push(`dialog: ${dialog.message()}`)));
    await report.goto(pathToFileURL(file).href);
    await report.waitForFunction((attr) => document.documentElement.hasAttribute(attr), REPORT_READY_ATTRIBUTE, { timeout: 30_000 });
    await expect(report.locator('img').count()).resolves.toBe(0);
    await report.screenshot({ path: join(ARTIFACTS, 'compare-report.png'), fullPage: true });
    await context.close();
    expect({ requests, errors }).toEqual({ requests: [], errors: [] });
  });

  it('exports the comparison as a PDF', async () => {
    const { name, bytes } = await download('compare-report-pdf');
    expect(name).toMatch(/\.pdf$/);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    writeFileSync(join(ARTIFACTS, 'compare-report.pdf'), bytes);
  });

  it("exports one run's report from History in the format chosen", async () => {
    await page.locator('[data-test="nav-history"]').click();
    await page.locator('[data-test="report-format"]').selectOption('md');
    const started = page.waitForEvent('download');
    await page.locator(`tr[data-run="${OTHER.id}"] [data-test="export-report"]`).click();
    const file = await started;
    expect(file.suggestedFilename()).toBe(`mixscope-${OTHER.id}.md`);
    const markdown = readFileSync((await file.path()) ?? '', 'utf8');
    expect(markdown).toContain(OTHER.id);
    // Markdown escapes markup with a backslash: the hostile CPU model is there, never as a raw tag.
    expect(markdown).toContain('\\<img src=x');
    expect(markdown).not.toMatch(/(?<!\\)<img/);
  });

  it('ran without console errors or CSP refusals', () => {
    expect(watched.problems).toEqual([]);
  });
});
