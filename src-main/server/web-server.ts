/**
 * Web mode: the main side's services behind 127.0.0.1, the same renderer in a browser. It is a
 * second transport of the one contract: the same dispatch and the same event hub as the
 * Electron window. Binds the loopback address only; port 0 picks a free port.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Dispatch } from '../contract/dispatch.js';
import type { EventHub } from '../services/event-hub.js';
import { securityHeaders } from './csp.js';
import { serveStatic } from './static-files.js';
import { attachWebSocket } from './web-socket.js';

export const LOOPBACK = '127.0.0.1';

export interface WebServerOptions {
  readonly port: number;
  /** The built renderer (`electron-vite build` writes it to out/renderer). */
  readonly rendererDir: string;
  readonly dispatch: Dispatch;
  readonly hub: EventHub;
}

export interface WebServer {
  /** `http://127.0.0.1:PORT/` */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const root = resolve(options.rendererDir);
  let port = options.port;
  let headers: Record<string, string> = {};
  const server = createServer((req, res) => void serveStatic(root, port, headers, req, res));
  await new Promise<void>((done, failed) => {
    server.once('error', failed);
    server.listen(options.port, LOOPBACK, () => done());
  });
  port = (server.address() as AddressInfo).port;
  const origins = [`http://${LOOPBACK}:${port}`, `http://localhost:${port}`];
  headers = securityHeaders(origins[0] ?? '');
  const wss = attachWebSocket(server, origins, options.dispatch, options.hub);
  return {
    url: `http://${LOOPBACK}:${port}/`,
    port,
    close: async () => {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((done) => wss.close(() => done()));
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}
