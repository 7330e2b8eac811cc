/**
 * The wgsl tuning cache main lends the compute window, in Node with the Electron mock: answered
 * from the Node hosts' own `wgsl-tuning.json`, stores persisted in that file's format, bad payloads
 * and other senders refused with what and where, a corrupt or foreign file a miss that the next
 * store replaces.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, FakeWebContents, ipcMain, resetElectronMock } from '../../test/mocks/electron.js';
import type { AdapterInfo } from '../engine/core/backend.js';
import { fileTuningCache, TUNING_CACHE_FILE } from '../gpu/node/tuning-cache.js';
import { COMPUTE_WINDOW_HOST, TUNING_CHANNEL } from '../gpu/page/lent-tuning.js';
import { tuningKey } from '../gpu/wgsl/tuning-key.js';
import { COMPUTE_ORIGIN } from './compute-protocol.js';
import { MAX_TUNING_KEY_CHARS, registerComputeTuning } from './compute-tuning.js';
import { isTrustedSender } from './sender.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

const adapter: AdapterInfo = { vendor: 'intel', architecture: 'gen-12lp', device: '', description: 'Mesa Intel(R) Xe Graphics (TGL GT2) 24.2.8', software: false };
const KEY = tuningKey(adapter, COMPUTE_WINDOW_HOST);
const PAGE = { url: `${COMPUTE_ORIGIN}/index.html`, parent: null };

let dir: string;
let warnings: string[];
const computeWindow = new BrowserWindow();
const appWindow = new BrowserWindow();

function from(sender: FakeWebContents, frame: { url: string; parent: unknown } | null = PAGE): IpcMainInvokeEvent {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}
const ask = (payload: unknown, event = from(computeWindow.webContents)) => ipcMain.invoke(TUNING_CHANNEL, event, payload);
const cacheFile = () => join(dir, TUNING_CACHE_FILE);

beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'mixscope-lent-tuning-'));
  warnings = [];
  const cache = fileTuningCache(dir, { warn: (m) => warnings.push(m) });
  registerComputeTuning(ipcMain, cache, (event) => isTrustedSender(event, computeWindow, COMPUTE_ORIGIN));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the tuning cache main lends the compute window', () => {
  it('answers a lookup from the file a Node host wrote, and misses for another adapter', async () => {
    await fileTuningCache(dir).store(KEY, { microM: 8, depth: 32 });
    await fileTuningCache(dir).storeScan!(KEY, { mode: 'parallel' });
    await fileTuningCache(dir).storeFused(KEY, { rows: 64, keys: 32, rowsPerInvocation: 8 });
    expect(await ask({ method: 'lookup', key: KEY })).toEqual({ ok: true, value: { microM: 8, depth: 32 } });
    expect(await ask({ method: 'lookupScan', key: KEY })).toEqual({ ok: true, value: { mode: 'parallel' } });
    expect(await ask({ method: 'lookupFused', key: KEY })).toEqual({ ok: true, value: { rows: 64, keys: 32, rowsPerInvocation: 8 } });
    const other = tuningKey({ ...adapter, description: 'Mesa Intel(R) Xe Graphics (TGL GT2) 24.3.0' }, COMPUTE_WINDOW_HOST);
    expect(await ask({ method: 'lookup', key: other })).toEqual({ ok: true, value: null });
  });

  it('persists a store in the Node hosts’ file format, read back by a later lookup and by a Node host', async () => {
    expect(await ask({ method: 'store', key: KEY, config: { microM: 4, depth: 8 } })).toEqual({ ok: true, value: null });
    expect(await ask({ method: 'storeScan', key: KEY, config: { mode: 'sequential' } })).toEqual({ ok: true, value: null });
    expect(await ask({ method: 'storeFused', key: KEY, config: { rows: 128, keys: 32, rowsPerInvocation: 8 } })).toEqual({ ok: true, value: null });
    const file = JSON.parse(readFileSync(cacheFile(), 'utf8')) as Record<string, unknown>;
    expect(file).toMatchObject({
      format: 'mixscope-wgsl-tuning',
      version: 1,
      matmul: { [KEY]: { microM: 4, depth: 8 } },
      scan: { [KEY]: { mode: 'sequential' } },
      fused: { [KEY]: { rows: 128, keys: 32, rowsPerInvocation: 8 } },
    });
    expect(await ask({ method: 'lookup', key: KEY })).toEqual({ ok: true, value: { microM: 4, depth: 8 } });
    expect(await fileTuningCache(dir).lookupScan!(KEY)).toEqual({ mode: 'sequential' });
    expect(await fileTuningCache(dir).lookupFused(KEY)).toEqual({ rows: 128, keys: 32, rowsPerInvocation: 8 });
  });

  it('keeps both of two stores sent at once (calls run one at a time)', async () => {
    const second = tuningKey({ ...adapter, device: '0x9a49' }, COMPUTE_WINDOW_HOST);
    await Promise.all([ask({ method: 'store', key: KEY, config: { microM: 8, depth: 16 } }), ask({ method: 'store', key: second, config: { microM: 4, depth: 32 } })]);
    expect(await fileTuningCache(dir).lookup(KEY)).toEqual({ microM: 8, depth: 16 });
    expect(await fileTuningCache(dir).lookup(second)).toEqual({ microM: 4, depth: 32 });
  });

  it('refuses bad payloads naming the method and the field, and writes nothing', async () => {
    const refusals: [unknown, string][] = [
      [null, 'computeTuning: (root): expected object, got null'],
      [{ method: 'erase', key: KEY }, "computeTuning: method: Invalid discriminator value. Expected 'lookup' | 'store' | 'lookupScan' | 'storeScan' | 'lookupFused' | 'storeFused'"],
      [{ method: 'toString', key: KEY }, "computeTuning: method: Invalid discriminator value. Expected 'lookup' | 'store' | 'lookupScan' | 'storeScan' | 'lookupFused' | 'storeFused'"],
      [{ method: 'lookup', key: 42 }, 'computeTuning.lookup: key: expected string, got number'],
      [{ method: 'lookup', key: 'x'.repeat(MAX_TUNING_KEY_CHARS + 1) }, 'computeTuning.lookup: key: Too big: expected string to have <=2048 characters'],
      [{ method: 'lookup', key: 'not json' }, `computeTuning.lookup: key: not a tuning key of the route '${COMPUTE_WINDOW_HOST}'`],
      [{ method: 'store', key: tuningKey(adapter, 'node-host (Dawn, vulkan)'), config: { microM: 4, depth: 8 } }, `computeTuning.store: key: not a tuning key of the route '${COMPUTE_WINDOW_HOST}'`],
      [{ method: 'store', key: KEY, config: { microM: 16, depth: 8 } }, 'computeTuning.store: config: not a matmul tile configuration of this version'],
      [{ method: 'store', key: KEY }, 'computeTuning.store: config: missing (expected object)'],
      [{ method: 'storeScan', key: KEY, config: { mode: 'diagonal' } }, 'computeTuning.storeScan: config.mode: expected one of "sequential"|"parallel"'],
      [{ method: 'storeScan', key: KEY, config: { mode: 'parallel', extra: 'x'.repeat(1e5) } }, 'computeTuning.storeScan: config: Unrecognized key: "extra"'],
      [{ method: 'storeFused', key: KEY, config: { rows: 256, keys: 32, rowsPerInvocation: 8 } }, 'computeTuning.storeFused: config: not a fused softmax configuration of this version'],
      [{ method: 'lookupFused', key: KEY, config: {} }, 'computeTuning.lookupFused: (root): Unrecognized key: "config"'],
    ];
    for (const [payload, message] of refusals) {
      const reply = (await ask(payload)) as { ok: boolean; error: { code: string; message: string } };
      expect(reply.ok, JSON.stringify(payload).slice(0, 80)).toBe(false);
      expect(reply.error.code).toBe('invalid-request');
      expect(reply.error.message).toBe(message);
    }
    expect(() => readFileSync(cacheFile())).toThrow(/ENOENT/);
  });

  it('refuses every sender but the compute window’s top frame on app://compute', async () => {
    await fileTuningCache(dir).store(KEY, { microM: 8, depth: 32 });
    const senders = [
      from(appWindow.webContents, { url: 'app://mixscope/index.html', parent: null }),
      from(new FakeWebContents(), PAGE),
      from(computeWindow.webContents, { url: 'https://example.com/', parent: null }),
      from(computeWindow.webContents, { url: `${COMPUTE_ORIGIN}/frame.html`, parent: {} }),
      from(computeWindow.webContents, null),
    ];
    for (const event of senders) {
      expect(await ask({ method: 'store', key: KEY, config: { microM: 4, depth: 8 } }, event)).toEqual({
        ok: false,
        error: { code: 'forbidden', message: 'computeTuning: refused a call from outside the compute window' },
      });
    }
    expect(await fileTuningCache(dir).lookup(KEY)).toEqual({ microM: 8, depth: 32 });
  });

  it('reads a corrupt or foreign file as a miss with a warning, and replaces it on the next store', async () => {
    for (const text of ['{"format": "mixscope-wgsl-tuning", "matmul": ', JSON.stringify({ format: 'someone-else', entries: [1, 2] })]) {
      writeFileSync(cacheFile(), text);
      warnings.length = 0;
      expect(await ask({ method: 'lookup', key: KEY })).toEqual({ ok: true, value: null });
      expect(await ask({ method: 'lookupScan', key: KEY })).toEqual({ ok: true, value: null });
      expect(warnings).toEqual(Array(2).fill(`${cacheFile()}: not a valid tuning cache; ignored, and rewritten after the next tuning`));
      expect(await ask({ method: 'store', key: KEY, config: { microM: 8, depth: 8 } })).toEqual({ ok: true, value: null });
      expect(JSON.parse(readFileSync(cacheFile(), 'utf8'))).toMatchObject({ format: 'mixscope-wgsl-tuning', version: 1, matmul: { [KEY]: { microM: 8, depth: 8 } } });
    }
  });

  it('answers an unwritable folder with the choice kept for this run only, never a failure', async () => {
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, 'a file where the folder should be');
    resetElectronMock();
    registerComputeTuning(ipcMain, fileTuningCache(join(blocked, 'user-data'), { warn: (m) => warnings.push(m) }), () => true);
    expect(await ask({ method: 'store', key: KEY, config: { microM: 8, depth: 8 } })).toEqual({ ok: true, value: null });
    // The read before the write warns too (the path is not a folder), then the write.
    expect(warnings.at(-1)).toMatch(/cannot write the tuning cache .*; the choice is kept for this process only$/);
  });
});
