/**
 * The desktop app end to end, in a real Electron: the window opens on the built renderer, the
 * page has the contract bridge and nothing of Node, calls round-trip, and new windows are refused.
 * Runs where an Electron binary exists; elsewhere it is skipped with the reason in its name.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, subscriptionName } from '../../src-main/contract/names.js';
import { electronBinary } from './electron-binary.js';

const ROOT = resolve(import.meta.dirname, '../..');
const binary = electronBinary();

if ('missing' in binary) {
  console.warn(`Electron end-to-end tests skipped: ${binary.missing}`);
  describe('Electron app end to end', () => {
    it.skip(`skipped: ${binary.missing}`, () => undefined);
  });
} else {
  describe('Electron app end to end', () => {
    let app: ElectronApplication;
    let page: Page;
    let userData: string;

    beforeAll(async () => {
      if (!existsSync(join(ROOT, 'out/main/index.js'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
      userData = await mkdtemp(join(tmpdir(), 'mixscope-e2e-'));
      app = await _electron.launch({ executablePath: binary.path, args: [ROOT], cwd: ROOT, env: { ...process.env, MIXSCOPE_USER_DATA: userData } });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    });
    afterAll(async () => {
      await app?.close();
      await rm(userData, { recursive: true, force: true });
    });

    it('loads the renderer from app://mixscope with the bridge and no Node', async () => {
      expect(page.url()).toBe('app://mixscope/index.html');
      const seen = await page.evaluate(() => ({
        keys: Object.keys((window as unknown as { mixscope: object }).mixscope).sort(),
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
      }));
      expect(seen.keys).toEqual([...METHOD_NAMES, ...EVENT_NAMES.map(subscriptionName)].sort());
      expect(seen.require).toBe('undefined');
      expect(seen.process).toBe('undefined');
    });

    it('answers calls over the bridge and refuses bad payloads', async () => {
      const mixers = await page.evaluate(() => (window as unknown as { mixscope: { listMixers(): Promise<{ ok: boolean }> } }).mixscope.listMixers());
      expect(mixers.ok).toBe(true);
      const bad = await page.evaluate(() => (window as unknown as { mixscope: { openRun(r: unknown): Promise<unknown> } }).mixscope.openRun({ id: 7 }));
      expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    });

    it('refuses new windows and navigation away', async () => {
      const opened = await page.evaluate(() => window.open('https://example.com') === null);
      expect(opened).toBe(true);
      expect(app.windows()).toHaveLength(1);
    });
  });
}
