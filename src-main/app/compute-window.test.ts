/**
 * The hidden compute window, main side, in Node with the Electron mock: the window's settings, and
 * the PageBackend proxy over a real MessagePort (Node's, under MessageChannelMain) to a page played
 * by the page's own API and server — a point runs, errors keep their class, and a closed window
 * fails pending calls with DeviceLostError and is reopened on next use.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, FakeMessagePortMain } from '../../test/mocks/electron.js';
import type { Backend, KernelTiming, PreparedKernel } from '../engine/core/backend.js';
import { createJsBackend } from '../engine/backends/js.js';
import { DeviceLostError, MixscopeError } from '../engine/core/errors.js';
import { softmaxAttention } from '../engine/mixers/softmax-attention/index.js';
import { relativeError } from '../engine/core/tensor.js';
import { getForm } from '../engine/registry.js';
import { createPageApi } from '../gpu/page/api.js';
import { servePageApi } from '../gpu/page/port-transport.js';
import { COMPUTE_PORT } from '../gpu/page/wire.js';
import { pointInputs } from '../gpu/wgsl/test-host.js';
import { COMPUTE_PAGE_URL, ComputeWindowHost, connectComputeWindow, createComputeWindow, type ComputeWindow } from './compute-window.js';

vi.mock('electron', () => import('../../test/mocks/electron.js'));

/** A js backend that never finishes a run, so a call can be pending when the window closes. */
function stalling(): Backend {
  const js = createJsBackend({ host: 'page' });
  return {
    ...js,
    id: 'gpujs-cpu',
    prepare: async (request) => {
      const kernel = await js.prepare(request);
      return { ...kernel, run: () => new Promise<KernelTiming>(() => undefined) } satisfies PreparedKernel;
    },
  };
}

/** Plays the page: answers on the port main posts to the window, as entry.ts does. */
function playPage(window: BrowserWindow, backends: Backend[]): void {
  window.webContents.on('posted', (channel: string, ports: FakeMessagePortMain[]) => {
    const port = ports[0];
    if (channel !== COMPUTE_PORT || !port) return;
    servePageApi({ post: (m) => port.postMessage(m), onMessage: (h) => port.on('message', (e: { data: unknown }) => h(e.data)) }, createPageApi(backends));
  });
}

async function open(backends: Backend[] = [createJsBackend({ host: 'page' }), stalling()]): Promise<ComputeWindow> {
  const window = createComputeWindow('/app/preload/compute.cjs') as unknown as BrowserWindow;
  playPage(window, backends);
  return connectComputeWindow(window as never);
}

const opened: ComputeWindow[] = [];
afterEach(() => {
  for (const w of opened.splice(0)) w.close();
});

describe('the hidden compute window', () => {
  it('is hidden, sandboxed, isolated, without Node, unthrottled, and loads the compute origin', async () => {
    const compute = await open();
    opened.push(compute);
    const window = compute.window as unknown as BrowserWindow;
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { preload: '/app/preload/compute.cjs', sandbox: true, contextIsolation: true, nodeIntegration: false, backgroundThrottling: false },
    });
    expect(window.loaded).toEqual([COMPUTE_PAGE_URL]);
    expect(COMPUTE_PAGE_URL).toBe('app://compute/index.html');
    expect(compute.backends.map((b) => b.id)).toEqual(['js', 'gpujs-cpu']);
  });

  it('runs a point through the port and keeps the page’s error classes', async () => {
    const compute = await open();
    opened.push(compute);
    const js = compute.backends.find((b) => b.id === 'js')!;
    expect(await js.probe()).toMatchObject({ id: 'js', available: true });
    const { params, inputs } = pointInputs(softmaxAttention, 19, 6);
    const form = getForm(softmaxAttention, 'materialized');
    const kernel = await js.prepare({ mixer: softmaxAttention, form, inputs, params, dtype: 'float64' });
    expect((await kernel.run()).wallMs).toBeGreaterThanOrEqual(0);
    const { output } = await kernel.read();
    expect(relativeError(output, softmaxAttention.reference(inputs, params)).relative).toBeLessThan(1e-12);
    kernel.release();
    const missing = { mixer: { ...softmaxAttention, id: 'no-such-mixer' }, form, inputs, params, dtype: 'float64' as const };
    await expect(js.prepare(missing)).rejects.toBeInstanceOf(MixscopeError);
    // The js backend calibrates its roof on its own matmul kernel, in the page as in a Node host.
    const roof = await js.calibrate!('float64');
    expect(roof.peakMatmulGflops).toBeGreaterThan(0);
    expect(roof.copyGBs).toBeGreaterThan(0);
  });

  it('fails a pending call with DeviceLostError when the window closes, and the host opens a new window', async () => {
    let windows = 0;
    const host = new ComputeWindowHost(() => {
      windows++;
      return open();
    });
    const cpu = await host.backend('gpujs-cpu');
    const { params, inputs } = pointInputs(softmaxAttention, 5, 4);
    const kernel = await cpu.prepare({ mixer: softmaxAttention, form: getForm(softmaxAttention, 'materialized'), inputs, params, dtype: 'float64' });
    const pending = kernel.run();
    await host.close();
    await expect(pending).rejects.toBeInstanceOf(DeviceLostError);
    await expect(cpu.probe()).rejects.toBeInstanceOf(DeviceLostError);
    expect((await (await host.backend('js')).probe()).available).toBe(true);
    expect(windows).toBe(2);
    await expect(host.backend('wgsl')).rejects.toThrow("the compute window offers no backend 'wgsl'");
    await host.close();
  });
});
