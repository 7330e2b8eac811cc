/**
 * The WGSL conformance suite (src-main/gpu/wgsl/conformance-suite.ts, the same tables as the Node
 * worker's) on the compute page's `wgsl` backend: Chromium's own WebGPU in headless Chromium,
 * shaders fetched from the page host's server, every call through the PageBackend proxy.
 *
 * Kept modest for CI on two cores (Chromium's adapter here is SwiftShader, which emulates the
 * tiled kernels' barriers on the CPU): every planned form at L = 1, 37 and 130; L = 2048 (d = 8)
 * only for the forms whose time grows linearly or as L log L, since the quadratic ones at 2048
 * are checked on the Node host; the parameter variants run on the Node host only.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backend, BackendProbe } from '../../engine/core/backend.js';
import { errorMessage } from '../../engine/core/errors.js';
import type { Form } from '../../engine/core/mixer.js';
import { WGSL_SHAPES, wgslConformance } from '../wgsl/conformance-suite.js';
import { CHROMIUM_PATH, PageHost } from './page-host.js';
import { COMPUTE_PORT } from './wire.js';

const outDir = mkdtempSync(join(tmpdir(), 'mixscope-page-wgsl-'));

async function open(): Promise<{ host?: PageHost; backend?: Backend; probe: BackendProbe }> {
  const absent = (reason: string): BackendProbe => ({ id: 'wgsl', available: false, reason, host: 'page (Chromium)', dtypes: [] });
  if (!existsSync(CHROMIUM_PATH)) return { probe: absent(`${CHROMIUM_PATH} is not installed`) };
  try {
    const host = await PageHost.start({ outDir, forceBuild: true });
    const backend = (await host.backends()).find((b) => b.id === 'wgsl');
    if (!backend) return { host, probe: absent('the compute page offers no wgsl backend') };
    return { host, backend, probe: await backend.probe() };
  } catch (err) {
    return { probe: absent(errorMessage(err)) };
  }
}

const { host, backend, probe } = await open();
afterAll(async () => {
  await host?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const LONG_L = Math.max(...WGSL_SHAPES.map((s) => s.L));
const shapesOf = (_mixer: unknown, form: Form) => WGSL_SHAPES.filter((s) => s.L < LONG_L || form.scaling !== 'quadratic');

describe.skipIf(!probe.available)(`wgsl in the compute page${probe.available ? '' : ` SKIPPED: ${probe.reason}`}`, () => {
  it("names the page host and Chromium's adapter", () => {
    expect(probe.host).toBe('page (Chromium)');
    expect(probe.adapter?.vendor || probe.adapter?.architecture || probe.adapter?.description).toBeTruthy();
  });

  it("answers on a MessagePort handed in by a window message, as the app's preload does", async () => {
    const reply = await host!.page.evaluate((channel) => {
      const { port1, port2 } = new MessageChannel();
      window.postMessage(channel, location.origin, [port2]);
      return new Promise((resolve) => {
        port1.onmessage = (event) => resolve(event.data);
        port1.postMessage({ id: 7, call: { method: 'backendIds', args: [] } });
      });
    }, COMPUTE_PORT);
    expect(reply).toEqual({ id: 7, reply: { ok: true, value: await host!.backendIds() } });
  });
});

wgslConformance(backend ?? ({ id: 'wgsl' } as Backend), probe, { shapesOf, variants: false });
