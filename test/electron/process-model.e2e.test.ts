/**
 * The app's process model end to end, in a real Electron: the probe proves each backend by a
 * round trip (js in its utility process, wgsl in the hidden compute window), a quick profile
 * measures a wgsl and a js point, a cancel ends a long sweep within a second or so, and a crash of
 * the compute window's renderer mid-sweep gives one 'host-crashed' point while the run goes on. The
 * window's autotuner choices land in the user-data folder's wgsl-tuning.json, through main, and a
 * new window reuses them.
 * Runs where an Electron binary exists; elsewhere it is skipped with the reason in its name.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary } from './electron-binary.js';

const ROOT = resolve(import.meta.dirname, '../..');
const binary = electronBinary();

type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };
interface Point {
  backend: string;
  form: string;
  host: string;
  L: number;
  status: string;
  reason?: string;
  kernelConfig?: { kernel: string; params: Record<string, unknown>; source: string };
}

/** Calls a contract method through the page's bridge. */
function call<T>(page: Page, method: string, request: unknown = {}): Promise<Envelope<T>> {
  return page.evaluate(
    ([m, r]) => (window as unknown as Record<string, Record<string, (x: unknown) => Promise<unknown>>>)['mixscope']![m as string]!(r),
    [method, request] as const,
  ) as Promise<Envelope<T>>;
}

/** Starts a sweep and resolves with its runFinished payload and the saved points. */
async function sweep(page: Page, settings: unknown, during?: (runId: string) => Promise<void>) {
  await page.evaluate(() => {
    const w = window as unknown as { finished?: unknown[]; mixscope: { onRunFinished(h: (p: unknown) => void): void } };
    w.finished = [];
    w.mixscope.onRunFinished((p) => w.finished!.push(p));
  });
  const started = await call<{ runId: string }>(page, 'startSweep', settings);
  if (!started.ok) throw new Error(started.error.message);
  const { runId } = started.value;
  await during?.(runId);
  await page.waitForFunction(() => ((window as unknown as { finished: unknown[] }).finished ?? []).length > 0, undefined, { timeout: 300_000 });
  const finished = (await page.evaluate(() => (window as unknown as { finished: unknown[] }).finished[0])) as { status: string };
  const run = await call<{ points: Point[] }>(page, 'openRun', { id: runId });
  if (!run.ok) throw new Error(run.error.message);
  return { finished, points: run.value.points };
}

const QUICK = {
  lengths: [64, 128],
  d: 16,
  dv: 16,
  state: 4,
  heads: 1,
  batch: 1,
  dtype: 'float32',
  warmup: 1,
  repetitions: 3,
  minTimeMs: 0,
  timeBudgetMs: 60_000,
  memoryBudgetBytes: 2 ** 30,
  seed: 1,
  mixers: ['softmax-attention'],
  forms: { 'softmax-attention': ['materialized'] },
  params: {},
  verify: true,
  calibrate: false,
};

if ('missing' in binary) {
  describe('Electron process model end to end', () => {
    it.skip(`skipped: ${binary.missing}`, () => undefined);
  });
} else {
  describe('Electron process model end to end', () => {
    let app: ElectronApplication;
    let page: Page;
    let userData: string;

    beforeAll(async () => {
      if (!existsSync(join(ROOT, 'out/main/index.js'))) execFileSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
      userData = await mkdtemp(join(tmpdir(), 'mixscope-e2e-'));
      app = await _electron.launch({ executablePath: binary.path, args: [ROOT], cwd: ROOT, env: { ...process.env, MIXSCOPE_USER_DATA: userData } });
      page = await app.firstWindow();
      await page.waitForLoadState('domcontentloaded');
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await rm(userData, { recursive: true, force: true });
    });

    it('probes js in its utility process and wgsl in the compute window, each proven by a round trip', async () => {
      const report = await call<{ backends: { id: string; available: boolean; host: string; reason?: string }[] }>(page, 'probe');
      if (!report.ok) throw new Error(report.error.message);
      const byId = new Map(report.value.backends.map((b) => [b.id, b]));
      expect(byId.get('js')).toMatchObject({ available: true, host: 'electron-utility (js, process CPU clock)' });
      expect(byId.get('wgsl')).toMatchObject({ available: true, host: 'compute window (Electron)' });
      expect(byId.get('gpujs-headlessgl')).toMatchObject({ available: false });
    }, 300_000);

    it('measures a wgsl and a js point of a quick profile', async () => {
      const { finished, points } = await sweep(page, { ...QUICK, backends: ['wgsl', 'js'] });
      expect(finished.status).toBe('complete');
      expect(points.filter((p) => p.backend === 'wgsl').every((p) => p.status === 'ok' && p.host === 'compute window (Electron)')).toBe(true);
      expect(points.filter((p) => p.backend === 'js').every((p) => p.status === 'ok' && p.host === 'electron-utility (js, process CPU clock)')).toBe(true);
      expect(points).toHaveLength(4);
    }, 300_000);

    it("keeps the compute window's autotuner choices in the user-data folder: a new window reuses them", async () => {
      const calibrated = { ...QUICK, lengths: [64], calibrate: true, backends: ['wgsl'] };
      const tileOf = (points: Point[]) => points.find((p) => p.form === 'materialized')?.kernelConfig;
      const first = await sweep(page, calibrated);
      expect(first.finished.status).toBe('complete');
      expect(tileOf(first.points)).toMatchObject({ kernel: 'wgsl-matmul-tile', source: 'autotuned' });
      const file = JSON.parse(await readFile(join(userData, 'wgsl-tuning.json'), 'utf8')) as { format: string; matmul: Record<string, unknown> };
      expect(file.format).toBe('mixscope-wgsl-tuning');
      expect(Object.keys(file.matmul).map((key) => (JSON.parse(key) as string[])[4])).toEqual(['compute window (Electron)']);
      // A new window (the old one's renderer ended while idle) is a new device: it asks main's cache.
      await app.evaluate(({ BrowserWindow }) => {
        BrowserWindow.getAllWindows().find((w) => w.getTitle().startsWith('mixscope compute'))?.webContents.forcefullyCrashRenderer();
      });
      await page.waitForTimeout(1_000);
      const second = await sweep(page, calibrated);
      expect(tileOf(second.points)).toEqual({ ...tileOf(first.points), source: 'cached' });
    }, 300_000);

    it('cancels a long js sweep mid-kernel', async () => {
      let asked = 0;
      const { finished } = await sweep(page, { ...QUICK, lengths: [4096], d: 64, dv: 64, repetitions: 50, backends: ['js'] }, async (runId) => {
        await page.waitForTimeout(3_000);
        asked = Date.now();
        await call(page, 'cancelSweep', { runId });
      });
      expect(finished.status).toBe('cancelled');
      // The contract's second, with room for a loaded test machine.
      expect(Date.now() - asked).toBeLessThan(3_000);
    }, 300_000);

    it('survives a crash of the compute window: one host-crashed point, the rest measured in a new window', async () => {
      const { finished, points } = await sweep(page, { ...QUICK, lengths: [256, 512, 1024, 2048], repetitions: 20, backends: ['wgsl'] }, async () => {
        await page.waitForTimeout(2_000);
        await app.evaluate(({ BrowserWindow }) => {
          const compute = BrowserWindow.getAllWindows().find((w) => w.getTitle().startsWith('mixscope compute'));
          compute?.webContents.forcefullyCrashRenderer();
        });
      });
      expect(finished.status).toBe('complete');
      const crashed = points.filter((p) => p.status === 'host-crashed');
      expect(crashed).toHaveLength(1);
      expect(crashed[0]!.reason).toMatch(/renderer is gone/);
      expect(points.filter((p) => p.status === 'ok').length).toBe(points.length - 1);
    }, 300_000);
  });
}
