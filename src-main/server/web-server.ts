/**
 * Web mode: the main side's services behind 127.0.0.1, the same renderer in a browser. It is a
 * second transport of the one contract: the same dispatch and the same event hub as the
 * Electron window. Binds the loopback address only; port 0 picks a free port. Each start has its
 * own random token (access.ts), in the URL it reports; nothing is served without it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Dispatch } from '../contract/dispatch.js';
import type { EventHub } from '../services/event-hub.js';
import { newAccessToken } from './access.js';
import { securityHeaders } from './csp.js';
import { serveStatic, type StaticSite } from './static-files.js';
import { attachWebSocket } from './web-socket.js';

export const LOOPBACK = '127.0.0.1';

export interface WebServerOptions {
  readonly port: number;
  /** The built renderer (`electron-vite build` writes it to out/renderer). */
  readonly rendererDir: string;
  readonly dispatch: Dispatch;
  readonly hub: EventHub;
  /** This start's access token; a random one when absent. */
  readonly token?: string;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/?token=...`: the one URL that opens the app. */
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? newAccessToken();
  let site: StaticSite = { root: resolve(options.rendererDir), port: options.port, token, headers: {} };
  const server = createServer((req, res) => {
    res.on('error', () => undefined);
    serveStatic(site, req, res).catch(() => res.destroy());
  });
  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen(options.port, LOOPBACK, () => done());
  });
  // After listening: a malformed request or a reset connection is that client's problem only.
  server.on('error', () => undefined);
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || err.code === 'ECONNRESET') return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  const port = (server.address() as AddressInfo).port;
  const origins = [`http://${LOOPBACK}:${port}`, `http://localhost:${port}`];
  site = { ...site, port, headers: securityHeaders(origins[0] ?? '') };
  const wss = attachWebSocket(server, { port, token, origins }, options.dispatch, options.hub);
  return {
    url: `http://${LOOPBACK}:${port}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
