import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createJsBackend } from '../engine/backends/js.js';
import { createBridge, createClient } from '../contract/client.js';
import type { MixscopeClient } from '../contract/types.js';
import { webSocketTransport, webSocketUrl, type WebSocketLike } from '../contract/web-socket-transport.js';
import { BackendPool } from '../services/backend-pool.js';
import { createServices, type MainServices } from '../services/create-services.js';
import { TINY_SWEEP } from '../services/test-settings.js';
import { startWebServer, type WebServer } from './web-server.js';

function get(port: number, path: string, host = `127.0.0.1:${port}`, cookie?: string): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host, ...(cookie ? { cookie } : {}) } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web mode on 127.0.0.1', () => {
  let dir: string;
  let services: MainServices;
  let server: WebServer;
  let client: MixscopeClient;
  let close: () => void;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mixscope-web-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>mixscope</title>');
    const backends = new BackendPool({ js: () => createJsBackend({ host: 'test' }) }, 'test');
    services = createServices({ runsDir: join(dir, 'runs'), app: { name: 'mixscope', version: 'test', host: 'test' }, backends });
    server = await startWebServer({ port: 0, rendererDir: dir, dispatch: services.dispatch, hub: services.hub });
    const url = new URL(server.url);
    const socket = new WebSocket(`${webSocketUrl(url)}?token=${server.token}`, { origin: `http://127.0.0.1:${server.port}` });
    const transport = webSocketTransport(socket as unknown as WebSocketLike);
    close = transport.close;
    client = createClient(createBridge(transport));
  });
  afterAll(async () => {
    close();
    await server.close();
    await services.shutdown();
    await rm(dir, { recursive: true, force: true });
  });

  const cookie = () => `mixscope-token-${server.port}=${server.token}`;
  /** How an upgrade to `path` with these headers is answered: 'open' or the refusal's status. */
  const upgrade = (path: string, headers: Record<string, string>) =>
    new Promise<string>((resolve) => {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}${path}`, { headers });
      socket.on('open', () => {
        socket.close();
        resolve('open');
      });
      socket.on('error', (err) => resolve(/Unexpected server response: (\d+)/.exec(err.message)?.[1] ?? err.message));
    });

  it('prints a loopback URL with its token and serves the renderer with the strict CSP', async () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{43}$`));
    const page = await get(server.port, '/', undefined, cookie());
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>mixscope</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self';.*connect-src 'self' ws:\/\/127\.0\.0\.1:\d+/);
  });

  it('refuses pages without the token, paths outside the renderer and foreign Host headers', async () => {
    expect((await get(server.port, '/')).status).toBe(401);
    expect((await get(server.port, '/', undefined, `mixscope-token-${server.port}=${'A'.repeat(43)}`)).status).toBe(401);
    const entry = await get(server.port, `/?token=${server.token}`);
    expect(entry.status).toBe(303);
    expect(entry.headers['set-cookie']).toEqual([`${cookie()}; Path=/; HttpOnly; SameSite=Strict`]);
    expect((await get(server.port, '/../../etc/passwd', undefined, cookie())).status).toBe(404);
    expect((await get(server.port, '/%2e%2e/%2e%2e/etc/passwd', undefined, cookie())).status).toBe(404);
    expect((await get(server.port, '/', 'evil.example:80', cookie())).status).toBe(421);
  });

  it('opens the WebSocket only to its own origin and Host, with the token in the query or the cookie', async () => {
    const own = `http://127.0.0.1:${server.port}`;
    expect(await upgrade(`/ws?token=${server.token}`, { origin: own })).toBe('open');
    expect(await upgrade('/ws', { origin: own, cookie: cookie() })).toBe('open');
    expect(await upgrade('/ws', { origin: own })).toBe('401');
    expect(await upgrade('/ws?token=wrong', { origin: own })).toBe('401');
    expect(await upgrade(`/ws?token=${server.token}`, { origin: 'http://evil.example' })).toBe('403');
    // A local process that forges Origin but sends another Host (DNS rebinding) is refused too.
    expect(await upgrade(`/ws?token=${server.token}`, { origin: own, host: 'evil.example:80' })).toBe('421');
    expect(await upgrade(`/other?token=${server.token}`, { origin: own })).toBe('404');
  });

  it('runs a sweep over the contract: events stream, the run lands in the history', async () => {
    const points: number[] = [];
    const finished = new Promise<unknown>((resolve) => client.onRunFinished(resolve));
    client.onPoint((event) => points.push(event.point.L));
    const { runId } = await client.startSweep(TINY_SWEEP);
    expect(await finished).toEqual({ runId, status: 'complete', points: 4 });
    // Every point streams once; their order is the sweep's seeded interleaving, not L's.
    expect([...points].sort((a, b) => a - b)).toEqual([8, 16, 32, 64]);
    expect((await client.listRuns()).map((r) => r.id)).toEqual([runId]);
    expect((await client.openRun({ id: runId })).points).toHaveLength(4);
    expect((await client.getSweepState()).running).toBe(false);
  });

  it('carries refusals back as errors naming the field', async () => {
    await expect(client.openRun({ id: 'no-such-run' })).rejects.toMatchObject({ code: 'not-found', message: "no saved run 'no-such-run'" });
    await expect(client.startSweep({ ...TINY_SWEEP, d: -1 })).rejects.toMatchObject({ code: 'invalid-request', message: expect.stringMatching(/^startSweep: d: /) });
  });
});
