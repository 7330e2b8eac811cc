/** A live web-mode server for the fault suites: real services on the js backend, a temp data folder. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { createJsBackend } from '../../src-main/engine/backends/js.js';
import { createBridge, createClient } from '../../src-main/contract/client.js';
import type { MixscopeClient } from '../../src-main/contract/types.js';
import { webSocketTransport, type WebSocketLike } from '../../src-main/contract/web-socket-transport.js';
import { startWebServer, type WebServer } from '../../src-main/server/web-server.js';
import { BackendPool } from '../../src-main/services/backend-pool.js';
import { createServices, type MainServices } from '../../src-main/services/create-services.js';

export interface LiveServer {
  readonly dir: string;
  readonly server: WebServer;
  readonly services: MainServices;
  /** A page's connection: the contract client over a WebSocket with the token. */
  connect(): Promise<{ client: MixscopeClient; socket: WebSocket; close(): void }>;
  /** An HTTP GET with the cookie (or none), answered with its status. */
  get(path: string, options?: { cookie?: boolean; host?: string }): Promise<number>;
  /** True when a new page can connect and list runs, and the page itself is served. */
  answers(): Promise<boolean>;
  stop(): Promise<void>;
}

export async function startLiveServer(): Promise<LiveServer> {
  const dir = await mkdtemp(join(tmpdir(), 'mixscope-faults-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>mixscope</title>');
  const backends = new BackendPool({ js: () => createJsBackend({ host: 'test' }) }, 'test');
  const services = createServices({ runsDir: join(dir, 'runs'), app: { name: 'mixscope', version: 'test', host: 'test' }, backends });
  const server = await startWebServer({ port: 0, rendererDir: dir, dispatch: services.dispatch, hub: services.hub });
  const origin = `http://127.0.0.1:${server.port}`;
  const connect = () =>
    new Promise<{ client: MixscopeClient; socket: WebSocket; close(): void }>((resolve, reject) => {
      const socket = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { origin });
      const transport = webSocketTransport(socket as unknown as WebSocketLike);
      socket.once('open', () => resolve({ client: createClient(createBridge(transport)), socket, close: transport.close }));
      socket.once('error', reject);
    });
  const get = (path: string, options: { cookie?: boolean; host?: string } = {}) =>
    new Promise<number>((resolve) => {
      const headers: Record<string, string> = { host: options.host ?? `127.0.0.1:${server.port}` };
      if (options.cookie !== false) headers['cookie'] = `mixscope-token-${server.port}=${server.token}`;
      const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', () => resolve(0));
      req.end();
    });
  const answers = async () => {
    try {
      const page = await connect();
      const runs = await page.client.listRuns({});
      page.close();
      return Array.isArray(runs) && (await get('/')) === 200;
    } catch {
      return false;
    }
  };
  return {
    dir,
    server,
    services,
    connect,
    get,
    answers,
    stop: async () => {
      await server.close();
      await services.shutdown();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
