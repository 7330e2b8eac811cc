/**
 * The contract over WebSocket, server side. An upgrade is taken only at `/ws`, naming this server
 * in Host, from its own origin, holding the start's token (access.ts); anything else is answered
 * with its status and the socket closed. Each call frame goes through the same dispatch as IPC;
 * every event of the hub is pushed to every page. One socket's trouble is that socket's alone: a
 * malformed, oversized or binary frame, invalid JSON, an abrupt disconnect or a reader too slow to
 * keep up closes (or answers) that socket, never the server.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../contract/dispatch.js';
import { fail } from '../contract/envelope.js';
import { MAX_FRAME_BYTES } from '../contract/transfer-limits.js';
import { callFrameSchema, parseFrame, WEB_SOCKET_PATH, type ServerFrame } from '../contract/wire.js';
import type { EventHub } from '../services/event-hub.js';
import { credentialOf, isOwnHost, requestUrl } from './access.js';

/** More unsent data than this for one page (it stopped reading) closes its socket. */
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
/** Pages open at once; a person has a tab or two, the rest is a runaway script. */
const MAX_CLIENTS = 256;

export interface WebSocketAccess {
  readonly port: number;
  readonly token: string;
  readonly origins: readonly string[];
}

export function attachWebSocket(server: Server, access: WebSocketAccess, dispatch: Dispatch, hub: EventHub): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES, perMessageDeflate: false });
  wss.on('error', () => undefined);
  const send = (socket: WebSocket, frame: ServerFrame) => {
    if (socket.readyState !== socket.OPEN) return;
    if (socket.bufferedAmount > MAX_BUFFERED_BYTES) return void socket.terminate();
    socket.send(JSON.stringify(frame), () => undefined);
  };
  const detach = hub.attach((event, payload) => {
    for (const socket of wss.clients) send(socket, { type: 'event', event, payload });
  });
  wss.on('close', detach);
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const refusal = refuse(req, access, wss.clients.size);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  });
  wss.on('connection', (socket: WebSocket) => {
    // ws reports a protocol violation (reserved bits, an oversized or malformed frame) here and closes the socket itself.
    socket.on('error', () => socket.terminate());
    socket.on('message', (data, isBinary) => {
      const frame = isBinary ? null : parseFrame(callFrameSchema, data.toString());
      if (!frame) return send(socket, { type: 'reply', id: 0, envelope: fail('invalid-request', 'not a mixscope call frame') });
      void dispatch(frame.method, frame.request).then(
        (envelope) => send(socket, { type: 'reply', id: frame.id, envelope }),
        () => send(socket, { type: 'reply', id: frame.id, envelope: fail('internal', `${frame.method} failed`) }),
      );
    });
  });
  return wss;
}

/** The status line an upgrade is refused with, or null when it may go ahead. */
function refuse(req: IncomingMessage, access: WebSocketAccess, clients: number): string | null {
  if (!isOwnHost(req.headers.host, access.port)) return '421 Misdirected Request';
  const url = requestUrl(req, access.port);
  if (!url || url.pathname !== WEB_SOCKET_PATH) return '404 Not Found';
  if (!access.origins.includes(req.headers.origin ?? '')) return '403 Forbidden';
  if (!credentialOf(req, url, access.port, access.token)) return '401 Unauthorized';
  if (clients >= MAX_CLIENTS) return '503 Service Unavailable';
  return null;
}
