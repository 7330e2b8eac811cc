/**
 * The History view in headless Chromium through web mode, with the files a user really has: the
 * record of every format version (v1 up to the current one) imported and opened with its charts,
 * a corrupt file in the history folder listed as unreadable with its reason, and a file over the
 * size limit refused in the page before it is read, the limit in the message.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_RUN_FILE_BYTES } from '../../src-main/contract/transfer-limits.js';
import { CHROMIUM, launchChromium, openPage, screenshot, type WatchedPage } from './browser.js';
import { ensureRendererBuilt } from './renderer-build.js';
import { startWebMode, type WebMode } from './web-mode.js';

const chromium = existsSync(CHROMIUM);
const GOLDEN = fileURLToPath(new URL('../../src-main/engine/record/golden/', import.meta.url));
const versions = readdirSync(GOLDEN)
  .map((name) => Number(/^valid-v(\d+)\.json$/.exec(name)?.[1]))
  .filter((v) => Number.isInteger(v))
  .sort((a, b) => a - b);

let dataDir: string;
let server: WebMode;
let browser: Browser;
let watched: WatchedPage;
let page: Page;

describe.skipIf(!chromium)(`History with real files in web mode${chromium ? '' : ` SKIPPED: ${CHROMIUM} is not installed`}`, () => {
  beforeAll(async () => {
    const rendererDir = await ensureRendererBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'mixscope-e2e-history-'));
    server = await startWebMode({ dataDir, rendererDir });
    browser = await launchChromium();
    watched = await openPage(browser, server.url);
    page = watched.page;
    page.setDefaultTimeout(90_000);
    await page.locator('[data-test="nav-history"]').click();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(versions)('imports and opens the v%i record with its charts', async (version) => {
    const text = readFileSync(join(GOLDEN, `valid-v${version}.json`), 'utf8');
    const { id, points } = JSON.parse(text) as { id: string; points: unknown[] };
    await page.locator('[data-test="import-file"]').setInputFiles({ name: `valid-v${version}.json`, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.locator('[data-test="import-result"]').textContent()).resolves.toBe(`imported valid-v${version}.json: ${points.length} points`);
    await page.locator(`[data-test="runs"] tr[data-run="${id}"]`).waitFor();
    await expect(page.locator('[data-test="opened-run"]').textContent()).resolves.toContain(`Run ${id}`);
    await page.locator('.echart[data-series]').first().waitFor();
    if (version === versions[0]) await screenshot(page, 'history-oldest-version');
    // The next version's golden record has the same id: delete this one first.
    await page.locator(`tr[data-run="${id}"] [data-test="delete-run"]`).click();
    await page.locator(`tr[data-run="${id}"]`).waitFor({ state: 'detached' });
  });

  it('lists a corrupt file in the history folder as unreadable, with its reason', async () => {
    writeFileSync(join(dataDir, 'runs', 'broken-run.json'), '{"format": "mixscope-run", "vers');
    await page.locator('[data-test="nav-run"]').click();
    await page.locator('[data-test="nav-history"]').click();
    const row = page.locator('tr[data-run="broken-run"]');
    await expect(row.locator('[data-test="unreadable-run"]').textContent()).resolves.toMatch(/^broken-run\.json is not valid JSON/);
    await expect(row.locator('td').nth(1).textContent()).resolves.toBe('unreadable');
  });

  it('refuses a file over the limit in the page, before sending it, with the limit in the message', async () => {
    // A file on disk: the browser is handed its path, as a person's file dialog does.
    const big = join(dataDir, 'huge.json');
    writeFileSync(big, Buffer.alloc(MAX_RUN_FILE_BYTES + 1, 0x20));
    await page.locator('[data-test="import-file"]').setInputFiles(big);
    await expect(page.locator('[data-test="history-error"]').textContent()).resolves.toBe(`Refused huge.json: the file is 32 MiB (${MAX_RUN_FILE_BYTES + 1} bytes), over the 32 MiB a run file may have`);
    expect(watched.problems).toEqual([]);
  });
});
