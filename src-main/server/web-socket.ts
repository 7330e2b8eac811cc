/**
 * The contract over WebSocket, server side. A page may connect only from this server's own origin
 * (a page on another site cannot drive the profiler through the user's browser). Each call frame
 * goes through the same dispatch as IPC; every event of the hub is pushed to every page.
 */
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatch } from '../contract/dispatch.js';
import { fail } from '../contract/envelope.js';
import { callFrameSchema, parseFrame, WEB_SOCKET_PATH, type ServerFrame } from '../contract/wire.js';
import type { EventHub } from '../services/event-hub.js';

/** Frames above this are refused: an imported run file is the largest legitimate payload. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export function attachWebSocket(server: Server, origins: readonly string[], dispatch: Dispatch, hub: EventHub): WebSocketServer {
  const wss = new WebSocketServer({
    server,
    path: WEB_SOCKET_PATH,
    maxPayload: MAX_FRAME_BYTES,
    verifyClient: ({ origin }: { origin: string }) => origins.includes(origin),
  });
  const send = (socket: WebSocket, frame: ServerFrame) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(frame));
  };
  const detach = hub.attach((event, payload) => {
    for (const socket of wss.clients) send(socket, { type: 'event', event, payload });
  });
  wss.on('close', detach);
  wss.on('connection', (socket) => {
    socket.on('message', async (data, isBinary) => {
      const frame = isBinary ? null : parseFrame(callFrameSchema, data.toString());
      if (!frame) {
        send(socket, { type: 'reply', id: 0, envelope: fail('invalid-request', 'not a mixscope call frame') });
        return;
      }
      send(socket, { type: 'reply', id: frame.id, envelope: await dispatch(frame.method, frame.request) });
    });
  });
  return wss;
}
