/**
 * The compute page in headless Debian Chromium: its gpu.js backends (webgl2, webgpu, webasm, cpu)
 * through the PageBackend proxy, on the same conformance suite as the Node host.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend, BackendId, BackendProbe } from '../../engine/core/backend.js';
import { errorMessage } from '../../engine/core/errors.js';
import { gpujsConformance } from '../gpujs/conformance-suite.js';
import { CHROMIUM_PATH, PageHost } from './page-host.js';

const PAGE_BACKENDS: BackendId[] = ['gpujs-webgl2', 'gpujs-webgpu', 'gpujs-webasm', 'gpujs-cpu'];
const outDir = mkdtempSync(join(tmpdir(), 'mixscope-page-'));

async function open(): Promise<{ host?: PageHost; reason?: string }> {
  if (!existsSync(CHROMIUM_PATH)) return { reason: `${CHROMIUM_PATH} is not installed` };
  try {
    return { host: await PageHost.start({ outDir, forceBuild: true }) };
  } catch (err) {
    return { reason: errorMessage(err) };
  }
}

const { host, reason } = await open();
const backends: Backend[] = host ? await host.backends() : [];
const entries = await Promise.all(
  PAGE_BACKENDS.map(async (id) => {
    const backend = backends.find((b) => b.id === id);
    const probe: BackendProbe = backend
      ? await backend.probe()
      : { id, available: false, reason: reason ?? 'the page does not offer it', host: 'page (Chromium)', dtypes: [] };
    return { backend: backend ?? ({ id } as Backend), probe };
  }),
);

afterAll(async () => {
  await host?.close();
  rmSync(outDir, { recursive: true, force: true });
});

describe.skipIf(!host)(`compute page${host ? '' : ` SKIPPED: ${reason}`}`, () => {
  it('offers gpu.js webgl2, which only a browser has', async () => {
    expect(await host!.backendIds()).toEqual(['wgsl', ...PAGE_BACKENDS]);
    expect(entries.find((e) => e.backend.id === 'gpujs-webgl2')?.probe.available).toBe(true);
  });
});

gpujsConformance(entries);
