/**
 * The run view a person reads, end to end in headless Chromium through web mode: the start screen
 * shows the probed machine; after a tiny sweep the findings name the softmax crossovers and the
 * largest L reached; filtering to one mixer leaves only its curves in every chart; a click on a
 * point opens its inspector with its samples; screenshots at 1400×1000 and 800×1000; and an
 * axe-core check of the run view and the history finds nothing serious.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, openPage, screenshot, type WatchedPage } from './browser.js';
import { ensureRendererBuilt } from './renderer-build.js';
import { axeViolations, drawnCurves, isolatedDatumAt } from './run-view-page.js';
import { startTinyRun, waitForOutcome } from './ui.js';
import { startWebMode, type WebMode } from './web-mode.js';

const FORMS = ['softmax-attention/materialized', 'softmax-attention/fused', 'linear-attention/recurrent', 'linear-attention/chunked', 'retention/recurrent'];
const hasChromium = existsSync(CHROMIUM);

let dataDir: string;
let server: WebMode;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

describe.skipIf(!hasChromium)(hasChromium ? 'the run view in web mode' : `the run view in web mode (skipped: no Chromium at ${CHROMIUM})`, () => {
  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'mixscope-run-view-'));
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

  it('shows the probed machine on the start screen, the recommended backend marked', async () => {
    const machine = page.locator('[data-test="machine"]');
    // The probe starts every backend's host (Dawn, Chromium, headless-gl): slow on a loaded machine.
    await machine.locator('[data-test="machine-cpu"]').waitFor({ timeout: 120_000 });
    await expect(machine.locator('[data-test="machine-cpu"]').textContent()).resolves.toContain(cpus()[0]?.model.trim() ?? '');
    await expect(machine.locator('tr[data-backend="js"] td').first().textContent()).resolves.toBe('CPU');
    await expect(machine.locator('tr .badge').count()).resolves.toBe(1);
    await expect(page.locator('[data-test="machine-recommended"]').innerText()).resolves.toMatch(/^Recommended backend: \S+ — .+\.$/);
    await expect(page.locator('.lede').textContent()).resolves.toContain('mixscope measures');
    await screenshot(page, 'run-view-start-1400');
  });

  it('after a tiny sweep, the findings name the softmax crossovers and the largest L reached', async () => {
    await startTinyRun(page, { forms: FORMS, lengths: '32, 64, 128, 256', minTimeMs: '5' });
    await waitForOutcome(page, 'complete', 240_000);
    const crossover = page.locator('[data-finding="crossover"] .finding-text');
    await crossover.waitFor();
    await expect(crossover.textContent()).resolves.toMatch(/^Against softmax attention on js: .*(overtake|beat).*\.$/);
    await page.locator('[data-finding="crossover"] button', { hasText: 'details' }).click();
    const details = await page.locator('[data-finding="crossover"] .finding-details li').allTextContents();
    expect(details.some((d) => d.startsWith('linear-attention.recurrent '))).toBe(true);
    expect(details.some((d) => d.startsWith('retention.recurrent '))).toBe(true);
    await expect(page.locator('[data-finding="reach"] .finding-text').textContent()).resolves.toBe('Every form reached the longest length, L = 256.');
    await expect(page.locator('[data-finding="fastest"] .finding-text').textContent()).resolves.toContain('softmax-attention');

    await page.locator('[data-finding="crossover"] button', { hasText: 'show in chart' }).click();
    await expect(page.locator('[data-chart="crossovers"]').getAttribute('class')).resolves.toContain('flash');
  }, 300_000);

  it('filtering to one mixer leaves only its curves in every chart', async () => {
    const before = await drawnCurves(page, '.run-view');
    expect(new Set(before.map((c) => c.split('.')[0]))).toEqual(new Set(['softmax-attention', 'linear-attention', 'retention']));
    await page.locator('[data-test="filter-none"]').click();
    await page.locator('[data-test="filter-mixer-linear-attention"]').click();
    await expect(page.locator('[data-test="filter-mixer-linear-attention"]').getAttribute('aria-pressed')).resolves.toBe('true');
    const after = await drawnCurves(page, '.run-view');
    expect(after.length).toBeGreaterThan(0);
    expect(after.filter((c) => !c.startsWith('linear-attention.'))).toEqual([]);
    await expect(page.locator('.run-view .time-panels [data-chart^="time-"]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-chart')))).resolves.toEqual([
      'time-linear-attention',
    ]);
  });

  it('highlights a hovered curve in every chart', async () => {
    const panel = page.locator('.run-view [data-chart="time-linear-attention"] .echart');
    const { x, y, ref } = await isolatedDatumAt(panel, (s) => s.type === 'line' && s.name.startsWith('linear-attention.'));
    await page.mouse.move(x, y);
    const [mixer, form, backend] = ref.split('|');
    const key = `${mixer}.${form} · ${backend}`;
    const highlighted = async (chart: string) => JSON.parse((await page.locator(`.run-view [data-chart="${chart}"] .echart`).getAttribute('data-highlighted')) ?? '[]') as string[];
    for (const chart of ['memory', 'equivalence', 'throughput']) await expect.poll(() => highlighted(chart)).toContain(key);
    await page.mouse.move(5, 5);
    for (const chart of ['memory', 'equivalence', 'throughput']) await expect.poll(() => highlighted(chart)).toEqual([]);
  });

  it('opens the inspector of a clicked point, with its samples', async () => {
    const panel = page.locator('.run-view [data-chart="time-linear-attention"] .echart');
    const { x, y, ref } = await isolatedDatumAt(panel, (s) => s.type === 'line' && s.name.startsWith('linear-attention.'));
    await page.mouse.click(x, y);
    const inspector = page.locator('[data-test="inspector"]');
    await inspector.waitFor();
    const [mixer, form, backend, L] = ref.split('|');
    await expect(inspector.locator('h2').textContent()).resolves.toBe(`${mixer}.${form} · ${backend} at L = ${L}`);
    const samples = JSON.parse((await inspector.locator('[data-chart="samples"] .echart').getAttribute('data-series')) ?? '[]') as { name: string; points: number }[];
    const n = Number(/\((\d+) samples\)/.exec(samples[0]?.name ?? '')?.[1]);
    expect(n).toBeGreaterThanOrEqual(1);
    expect(samples[0]?.points).toBe(n);
    await expect(inspector.locator('[data-test="inspector-status"]').textContent()).resolves.toMatch(/^ok/);
    await expect(inspector.textContent()).resolves.toMatch(/tolerance \de-\d+: pass/);
    await screenshot(page, 'run-view-inspector-1400');
    await page.keyboard.press('Escape');
    await inspector.waitFor({ state: 'detached' });
  });

  it('lays the charts out in two columns at 1400 px and stacks them at 800 px (screenshots)', async () => {
    await page.locator('[data-test="filter-all"]').click();
    await page.locator('.run-view .time-panels [data-chart="time-retention"]').waitFor();
    const CARDS = ['fastest', 'crossovers', 'memory', 'bottleneck', 'throughput', 'equivalence'];
    const left = (name: string) => page.locator(`.run-view [data-chart="${name}"]`).evaluate((el) => Math.round(el.getBoundingClientRect().left));
    expect(new Set(await Promise.all(CARDS.map(left))).size).toBe(2);
    await screenshot(page, 'run-view-1400');
    await page.setViewportSize({ width: 800, height: 1000 });
    await page.waitForTimeout(300);
    expect(new Set(await Promise.all(CARDS.map(left))).size).toBe(1);
    await screenshot(page, 'run-view-800');
    await page.setViewportSize({ width: 1400, height: 1000 });
  });

  it('passes an axe-core check of the run view and the history: no serious or critical violations', async () => {
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('[data-test="nav-history"]').click();
    await page.locator('[data-test="runs"] [data-test="open-run"]').first().click();
    await page.locator('.history-view [data-test="findings"]').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'history-view-1400');
  });

  it('ran without console errors or CSP refusals', () => {
    expect(watched.problems).toEqual([]);
  });
});
