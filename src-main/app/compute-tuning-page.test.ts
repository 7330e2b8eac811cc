/**
 * The lent tuning cache end to end in Node, as far as Node can play the app: the compute page's
 * wgsl backend (PageWgslBackend, on a Dawn adapter in place of Chromium's navigator.gpu) takes the
 * cache its preload's bridge lends, the bridge's invokes reach main's handler (Electron mock) with
 * the compute window as sender, and the handler keeps `wgsl-tuning.json` as the Node hosts do. A
 * tile stored earlier under the window's key is reused at calibration
 * (the point says `cached`), and the scans and the fused kernel, not stored yet, are tuned and
 * stored into the file.
 * Skipped visibly without an adapter.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, expect, it, vi } from 'vitest';
import { BrowserWindow, ipcMain, resetElectronMock } from '../../test/mocks/electron.js';
import type { BackendProbe } from '../engine/core/backend.js';
import { errorMessage } from '../engine/core/errors.js';
import { softmaxAttention } from '../engine/mixers/softmax-attention/index.js';
import { getForm } from '../engine/registry.js';
import { findDawnAdapter, type DawnAdapter } from '../gpu/node/dawn.js';
import { fileShaderLoader } from '../gpu/node/shader-files.js';
import { fileTuningCache, TUNING_CACHE_FILE } from '../gpu/node/tuning-cache.js';
import { buildTuningBridge, COMPUTE_WINDOW_HOST, lentTuningCache } from '../gpu/page/lent-tuning.js';
import { PageWgslBackend } from '../gpu/page/page-wgsl.js';
import { DEFAULT_MATMUL, matmulConfigsFor } from '../gpu/wgsl/matmul-config.js';
import { SCAN_KINDS, scanCacheKey } from '../gpu/wgsl/scan-config.js';
import { gpuDescribe, pointInputs, TEST_ROUTES } from '../gpu/wgsl/test-host.js';
import { tuningKey } from '../gpu/wgsl/tuning-key.js';
import { COMPUTE_ORIGIN } from './compute-protocol.js';
import { registerComputeTuning } from './compute-tuning.js';
import { isTrustedSender } from './sender.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

const dir = mkdtempSync(join(tmpdir(), 'mixscope-lent-tuning-page-'));
const computeWindow = new BrowserWindow();
const fromPage = { sender: computeWindow.webContents, senderFrame: { url: `${COMPUTE_ORIGIN}/index.html`, parent: null } } as unknown as IpcMainInvokeEvent;
resetElectronMock();
registerComputeTuning(ipcMain, fileTuningCache(dir), (event) => isTrustedSender(event, computeWindow, COMPUTE_ORIGIN));
// The preload's bridge, its ipcRenderer.invoke played by main's handler for the compute window.
const bridge = buildTuningBridge((channel, call) => ipcMain.invoke(channel, fromPage, call));

async function open(): Promise<{ backend?: PageWgslBackend; dawn?: DawnAdapter; probe: BackendProbe }> {
  try {
    // Kept whole: Dawn's instance (`gpu`) must outlive its adapter.
    const dawn = await findDawnAdapter(TEST_ROUTES);
    const { adapter } = dawn;
    // The page asks navigator.gpu once per device; the test's Dawn adapter stands in for Chromium's.
    const gpu = { requestAdapter: async () => adapter } as unknown as GPU;
    const backend = new PageWgslBackend(gpu, fileShaderLoader(), COMPUTE_WINDOW_HOST, lentTuningCache(bridge));
    return { backend, dawn, probe: await backend.probe() };
  } catch (err) {
    return { probe: { id: 'wgsl', available: false, reason: errorMessage(err), host: COMPUTE_WINDOW_HOST, dtypes: [] } };
  }
}

const { backend, dawn, probe } = await open();
afterAll(async () => {
  await backend?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

gpuDescribe(probe, "the compute page's wgsl backend on the cache main lends it", () => {
  it('reuses a stored tile at calibration (the point says cached) and stores the scans and fused kernel it tuned in the shared file', async () => {
    const key = tuningKey(probe.adapter!, COMPUTE_WINDOW_HOST);
    // A tile other than the default, so that only the cache can have picked it.
    const stored = matmulConfigsFor(dawn!.adapter.limits).find((c) => c.microM !== DEFAULT_MATMUL.microM || c.depth !== DEFAULT_MATMUL.depth)!;
    await fileTuningCache(dir).store(key, stored);

    await backend!.calibrate('float32');
    const { params, inputs } = pointInputs(softmaxAttention, 37, 8);
    const kernel = await backend!.prepare({ mixer: softmaxAttention, form: getForm(softmaxAttention, 'materialized'), inputs, params, dtype: 'float32' });
    kernel.release();
    expect(kernel.kernelConfig).toMatchObject({ kernel: 'wgsl-matmul-tile', params: { microM: stored.microM, depth: stored.depth }, source: 'cached' });

    const file = JSON.parse(readFileSync(join(dir, TUNING_CACHE_FILE), 'utf8')) as { matmul: object; scan: Record<string, { mode: string }>; fused: object };
    expect(Object.keys(file.matmul)).toEqual([key]);
    // Every kind of scan it tuned: the state scans under the adapter's key, the others with the kind appended.
    expect(Object.keys(file.scan).sort()).toEqual(SCAN_KINDS.map((kind) => scanCacheKey(key, kind)).sort());
    expect(Object.keys(file.fused)).toEqual([key]);
    expect(file.scan[key]!.mode).toMatch(/^(sequential|parallel)$/);
  }, 300_000);
});
