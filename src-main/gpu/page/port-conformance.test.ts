/**
 * The compute page as the app reaches it: over a MessagePort handed in by a window message (what
 * src-main/preload/compute.ts does), answered by the page's own port server, with the app's
 * port transport on this side. In the app the other end is Electron's MessagePortMain; here the
 * page keeps it and Playwright carries its messages to Node, so everything from the port inward
 * is the app's code. On it, the WGSL conformance suite (every planned form at L = 37) and the
 * gpu.js suite for webgl2 (the mode only a browser has), in headless Chromium; the other modes and
 * shapes run over Playwright's transport in page.test.ts and page-wgsl.test.ts.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Backend, BackendId, BackendProbe } from '../../engine/core/backend.js';
import { errorMessage } from '../../engine/core/errors.js';
import { gpujsConformance } from '../gpujs/conformance-suite.js';
import { WGSL_SHAPES, wgslConformance } from '../wgsl/conformance-suite.js';
import { localSupport } from './local-support.js';
import { PageBackend } from './page-backend.js';
import { CHROMIUM_PATH, PageHost } from './page-host.js';
import { portTransport } from './port-transport.js';
import { COMPUTE_PORT } from './wire.js';

const outDir = mkdtempSync(join(tmpdir(), 'mixscope-port-'));
const IDS: BackendId[] = ['wgsl', 'gpujs-webgl2'];

async function open(): Promise<{ host?: PageHost; backends: Map<BackendId, { backend: Backend; probe: BackendProbe }> }> {
  const absent = (id: BackendId, reason: string) => ({ backend: { id } as Backend, probe: { id, available: false, reason, host: 'compute page over a port', dtypes: [] } as BackendProbe });
  const none = (reason: string) => ({ backends: new Map(IDS.map((id) => [id, absent(id, reason)])) });
  if (!existsSync(CHROMIUM_PATH)) return none(`${CHROMIUM_PATH} is not installed`);
  let host: PageHost | undefined;
  try {
    host = await PageHost.start({ outDir, forceBuild: true });
    let deliver: (message: unknown) => void = () => undefined;
    await host.page.exposeFunction('__mixscopePortReply', (message: unknown) => deliver(message));
    // The page's end: a channel whose second port goes to the page's port server, as the preload hands it.
    await host.page.evaluate((channel) => {
      const { port1, port2 } = new MessageChannel();
      port1.onmessage = (event) => (window as unknown as { __mixscopePortReply(m: unknown): void }).__mixscopePortReply(event.data);
      (window as unknown as { appPort: MessagePort }).appPort = port1;
      window.postMessage(channel, location.origin, [port2]);
    }, COMPUTE_PORT);
    const transport = portTransport(
      {
        // A release posted while the page closes has no one left to answer it.
        post: (message) => void host!.page.evaluate((m) => (window as unknown as { appPort: MessagePort }).appPort.postMessage(m), message).catch(() => undefined),
        onMessage: (handler) => (deliver = handler),
      },
      'the compute page over a port',
    );
    const backends = new Map<BackendId, { backend: Backend; probe: BackendProbe }>();
    for (const id of IDS) {
      const backend = new PageBackend(id, transport, localSupport);
      backends.set(id, { backend, probe: await backend.probe() });
    }
    return { host, backends };
  } catch (err) {
    await host?.close();
    return none(errorMessage(err));
  }
}

const { host, backends } = await open();
afterAll(async () => {
  await host?.close();
  rmSync(outDir, { recursive: true, force: true });
});

const wgsl = backends.get('wgsl')!;
wgslConformance(wgsl.backend, wgsl.probe, { shapesOf: () => WGSL_SHAPES.filter((s) => s.L === 37), variants: false });
gpujsConformance([backends.get('gpujs-webgl2')!]);
