/**
 * The desktop app's page, end to end, in headless Chromium through web mode: a quick profile whose
 * progress bar moves and whose charts all fill with data, a cancel that keeps the finished points,
 * a saved run reopened from the history, and a corrupt run file refused with its reason.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runsDirOf } from '../../src-main/services/data-dir.js';
import { launchChromium, openPage, screenshot, type WatchedPage } from './browser.js';
import { ensureRendererBuilt } from './renderer-build.js';
import { chartSeries, progressValue, startTinyRun, waitForOutcome } from './ui.js';
import { startWebMode, type WebMode } from './web-mode.js';

const CHARTS = ['time', 'memory', 'bottleneck', 'throughput', 'equivalence', 'focus'] as const;
const QUADRATIC_AND_LINEAR = ['softmax-attention/materialized', 'softmax-attention/fused', 'linear-attention/recurrent'];

let dataDir: string;
let server: WebMode;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

beforeAll(async () => {
  const rendererDir = await ensureRendererBuilt();
  dataDir = mkdtempSync(join(tmpdir(), 'mixscope-e2e-'));
  server = await startWebMode({ dataDir, rendererDir });
  browser = await launchChromium();
  watched = await openPage(browser, server.url);
  page = watched.page;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function openHistory(): Promise<void> {
  await page.locator('[data-test="nav-history"]').click();
  await page.locator('[data-test="runs"]').waitFor();
}

describe('the app in web mode', () => {
  it('offers the quick profile first and explains a bad field before a run can start', async () => {
    const first = page.locator('main button').first();
    await expect(first.getAttribute('data-test')).resolves.toBe('quick-profile');
    await page.locator('details.custom-run summary').first().click();
    await page.locator('[data-test="field-d"]').fill('0');
    await expect(page.locator('[data-error="d"]').textContent()).resolves.toBe('d must lie in [1, 4096]; got 0');
    await expect(page.locator('[data-test="start"]').isDisabled()).resolves.toBe(true);
    await page.locator('[data-test="field-d"]').fill('16');
    await expect(page.locator('[data-error="d"]').count()).resolves.toBe(0);
  });

  it('runs a tiny profile: the progress bar moves and every chart fills with data', async () => {
    await startTinyRun(page, { forms: QUADRATIC_AND_LINEAR, lengths: '32, 64, 128, 256' });
    const seen = new Set<number>();
    while (!(await page.locator('[data-test="run-outcome"]').isVisible())) {
      seen.add((await progressValue(page)).done);
      await page.waitForTimeout(30);
    }
    const outcome = await waitForOutcome(page, 'complete');
    expect(outcome).toBe('Run complete with 12 points');
    expect(await progressValue(page)).toEqual({ done: 12, total: 12 });
    // The bar was seen part-way: it moved with the sweep rather than jumping at the end.
    expect([...seen].some((done) => done > 0 && done < 12)).toBe(true);

    // Time shows one panel per mixer by default; the overlay chart holds every curve.
    await page.locator('[data-test="time-view-overlay"]').click();
    const time = await chartSeries(page, 'time');
    const medians = time.filter((s) => s.type === 'line' && !s.name.startsWith('theory'));
    expect(medians.map((s) => s.name.replace(/ {2}L\^[\d.-]+( \(tail [\d.-]+\))?$/, ''))).toEqual([
      'softmax-attention.materialized · js',
      'softmax-attention.fused · js',
      'linear-attention.recurrent · js',
    ]);
    for (const s of medians) {
      expect(s.points).toBe(4);
      expect(s.name).toMatch(/L\^-?\d+\.\d\d( \(tail -?\d+\.\d\d\))?$/);
    }
    for (const chart of CHARTS) {
      await page.locator(`[data-chart="${chart}"] .echart`).waitFor();
      const measured = (await chartSeries(page, chart)).filter((s) => s.name.startsWith('softmax-attention'));
      expect(measured.length > 0 && measured.every((s) => s.points > 0), `${chart} draws softmax-attention with data`).toBe(true);
    }
    await expect(page.locator('[data-chart="crossovers"] tbody tr').count()).resolves.toBeGreaterThan(0);
    await screenshot(page, 'quick-profile');
  });

  it('saves a chart as PNG and as SVG', async () => {
    for (const [button, signature] of [
      ['PNG', '\x89PNG'],
      ['SVG', '<svg'],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.locator('[data-chart="time"] button', { hasText: button }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`mixscope-time.${button.toLowerCase()}`);
      const bytes = readFileSync((await file.path()) ?? '');
      expect(bytes.subarray(0, 200).toString('latin1')).toContain(signature);
      if (button === 'SVG') expect(bytes.toString('utf8')).toContain('softmax-attention.materialized');
    }
  });

  it('starts the one-click quick profile, and cancels it at once keeping the finished points', async () => {
    await page.locator('[data-test="nav-run"]').click();
    await page.locator('[data-test="quick-profile"]').click();
    // Calibration and the first adaptive visits come first: on 2 busy cores that can take a minute.
    await page.waitForFunction(() => Number(document.querySelector('[data-test="progress"]')?.getAttribute('value')) >= 2, undefined, { timeout: 150_000 });
    const { total } = await progressValue(page);
    await expect(page.locator('[data-test="current-point"]').textContent()).resolves.toMatch(/ · js at L = \d+$/);
    const asked = Date.now();
    await page.locator('[data-test="cancel"]').click();
    const outcome = await waitForOutcome(page, 'cancelled', 25_000);
    // The quick profile has its rounds left at this point (tens of seconds quiet, more on two busy
    // cores): the run ends now, not when its points are done. The one-second contract itself is
    // measured, with the machine's load beside it, by scripts/web-responsiveness.ts (cancelSweep to
    // runFinished): a tight wall-clock bound here would only measure how busy the test machine's
    // other suites keep its two cores.
    expect(Date.now() - asked).toBeLessThan(20_000);
    const kept = Number(/with (\d+) points/.exec(outcome)?.[1]);
    expect(kept).toBeGreaterThanOrEqual(2);
    expect(kept).toBeLessThanOrEqual(total);
    // The points are visited in a seeded random order, so the kept ones may include points that
    // landed without a time (unsupported, skipped): the chart draws exactly the timed ones.
    const saved = readdirSync(runsDirOf(dataDir))
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(runsDirOf(dataDir), name), 'utf8')) as { status: string; points: { status: string; stats: unknown; sampling?: { stop?: string } }[] })
      .find((r) => r.status === 'cancelled');
    expect(saved?.points).toHaveLength(kept);
    // Cut short: points never visited are missing, or (once every point has had its first visit)
    // the points still being sampled landed with the samples they had.
    expect(kept < total || saved!.points.some((p) => p.sampling?.stop === 'rounds-spent')).toBe(true);
    const timed = saved!.points.filter((p) => p.status === 'ok' && p.stats !== null).length;
    // Charts follow a sweep at most every 300 ms, so the last points may land a moment after the outcome.
    const drawnPoints = async (): Promise<number> =>
      (await chartSeries(page, 'time')).filter((s) => s.type === 'line' && !s.name.startsWith('theory')).reduce((n, s) => n + s.points, 0);
    await expect.poll(drawnPoints, { timeout: 5_000 }).toBe(timed);

    await openHistory();
    const row = page.locator('[data-test="runs"] tbody tr').filter({ hasText: 'cancelled' });
    await expect(row.locator('td').nth(4).textContent()).resolves.toBe(String(kept));
  }, 240_000);

  it('reopens a saved run from the history with its charts', async () => {
    await openHistory();
    const row = page.locator('[data-test="runs"] tbody tr').filter({ hasText: 'complete' });
    await row.locator('[data-test="open-run"]').click();
    await expect(page.locator('[data-test="opened-run"]').textContent()).resolves.toMatch(/complete, 12 points/);
    const time = await chartSeries(page, 'time', '.history-view');
    expect(time.filter((s) => s.type === 'line' && !s.name.startsWith('theory')).map((s) => s.points)).toEqual([4, 4, 4]);
    await screenshot(page, 'history-reopened');
    const exported = page.waitForEvent('download');
    await row.locator('[data-test="export-json"]').click();
    const file = await exported;
    const record = JSON.parse(readFileSync((await file.path()) ?? '', 'utf8')) as { format: string; points: unknown[] };
    expect([record.format, record.points.length]).toEqual(['mixscope-run', 12]);
  });

  it('refuses a corrupt run file with the reason and changes nothing else', async () => {
    await openHistory();
    const rows = await page.locator('[data-test="runs"] tbody tr').count();
    const opened = await page.locator('[data-test="opened-run"]').textContent();
    const corrupt = JSON.stringify({ format: 'mixscope-run', version: 1, id: 'bad', status: 'complete', startedAt: 'x', points: 'many' });
    await page.locator('[data-test="import-file"]').setInputFiles({ name: 'corrupt.json', mimeType: 'application/json', buffer: Buffer.from(corrupt) });
    const message = page.locator('[data-test="history-error"]');
    await message.waitFor();
    await expect(message.textContent()).resolves.toMatch(/^Refused corrupt\.json: .+/);
    await expect(page.locator('[data-test="runs"] tbody tr').count()).resolves.toBe(rows);
    await expect(page.locator('[data-test="opened-run"]').textContent()).resolves.toBe(opened);
    await screenshot(page, 'corrupt-file-refused');
  });

  it('deletes a saved run', async () => {
    await openHistory();
    const cancelled = page.locator('[data-test="runs"] tbody tr').filter({ hasText: 'cancelled' });
    await cancelled.locator('[data-test="delete-run"]').click();
    await cancelled.waitFor({ state: 'detached' });
    await expect(page.locator('[data-test="runs"] tbody tr').count()).resolves.toBe(1);
  });

  it('ran without console errors or CSP refusals', () => {
    expect(watched.problems).toEqual([]);
  });
});
