/**
 * A WebSocket fuzzer against a live web-mode server: malformed frames over raw sockets, binary
 * frames, invalid JSON, seeded random frames, and hundreds of connections opened and dropped.
 * After each fault the server must still answer, and a page connected throughout stays connected.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { MAX_FRAME_BYTES } from '../../src-main/contract/transfer-limits.js';
import { startLiveServer, type LiveServer } from './live-server.js';
import { frame, rawUpgrade, text, type RawSocket } from './raw-web-socket.js';
import { newTally, printTally } from './tally.js';

const tally = newTally('web-socket-fuzz');
let live: LiveServer;
let witness: { socket: WebSocket; close(): void; client: Awaited<ReturnType<LiveServer['connect']>>['client'] };

/** A seeded generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const headers = () => ({ Origin: `http://127.0.0.1:${live.server.port}` });
const wsPath = () => `/ws?token=${live.server.token}`;

async function opened(): Promise<RawSocket> {
  const { status, raw } = await rawUpgrade(live.server.port, wsPath(), headers());
  expect(status).toBe(101);
  return raw;
}

/** Waits until the server closes the socket or `ms` pass; true when it closed it. */
async function closedWithin(raw: RawSocket, ms: number): Promise<boolean> {
  const outcome = await Promise.race([raw.closed.then(() => true), new Promise<boolean>((done) => setTimeout(() => done(false), ms))]);
  raw.socket.destroy();
  return outcome;
}

async function survives(what: string): Promise<void> {
  tally.faultsInjected++;
  expect(await live.answers(), `the server stopped answering after: ${what}`).toBe(true);
  tally.faultsSurvived++;
}

beforeAll(async () => {
  live = await startLiveServer();
  witness = await live.connect();
});
afterAll(async () => {
  witness.close();
  await live.stop();
  printTally(tally);
});

describe('web mode under a WebSocket fuzzer', () => {
  const fatal: [string, () => Buffer][] = [
    ['RSV1 set', () => frame(Buffer.from('{}'), { opcode: 1, rsv: 4 })],
    ['RSV2 set', () => frame(Buffer.from('{}'), { opcode: 1, rsv: 2 })],
    ['RSV3 set', () => frame(Buffer.from('{}'), { opcode: 1, rsv: 1 })],
    ['reserved data opcode 3', () => frame(Buffer.from('x'), { opcode: 3 })],
    ['reserved control opcode 0xB', () => frame(Buffer.from('x'), { opcode: 0xb })],
    ['an unmasked client frame', () => frame(Buffer.from('{}'), { opcode: 1, masked: false })],
    ['a fragmented ping', () => frame(Buffer.from('x'), { opcode: 9, fin: false })],
    ['a ping of 126 bytes', () => frame(Buffer.alloc(126, 1), { opcode: 9 })],
    ['invalid UTF-8 in a text frame', () => frame(Buffer.from([0xff, 0xfe, 0xfd]), { opcode: 1 })],
    ['a close frame of one byte', () => frame(Buffer.from([3]), { opcode: 8 })],
    ['a continuation without a start', () => frame(Buffer.from('x'), { opcode: 0 })],
    ['a length of 2^53', () => frame(Buffer.alloc(0), { opcode: 1, declaredLength: 2 ** 53 })],
    ['a frame one byte over the limit', () => frame(Buffer.alloc(0), { opcode: 1, declaredLength: MAX_FRAME_BYTES + 1 })],
  ];

  it.each(fatal)('closes the socket on %s, and only that socket', async (what, bytes) => {
    const raw = await opened();
    raw.socket.write(bytes());
    expect(await closedWithin(raw, 5000)).toBe(true);
    tally.badInputsTried++;
    await survives(what);
  });

  it.each([
    ['a binary frame', () => frame(Buffer.from(JSON.stringify({ type: 'call', id: 1, method: 'listRuns', request: {} })), { opcode: 2 })],
    ['invalid JSON', () => text('{"type": "call", "id": 1, "meth')],
    ['a frame that is not a call', () => text('{"type":"call","id":-1}')],
    ['an unknown method', () => text('{"type":"call","id":2,"method":"rm -rf","request":{}}')],
    ['a request that fails validation', () => text('{"type":"call","id":3,"method":"openRun","request":{"id":"../../etc/passwd"}}')],
  ])('answers %s with a refusal and keeps the socket', async (what, bytes) => {
    const raw = await opened();
    raw.socket.write(bytes());
    await new Promise((done) => setTimeout(done, 200));
    const reply = raw.received();
    // An unmasked server text frame: opcode 1, then the reply.
    expect(reply[0]).toBe(0x81);
    expect(reply.toString('utf8')).toMatch(/"ok":false/);
    expect(raw.socket.destroyed).toBe(false);
    raw.socket.destroy();
    tally.badInputsTried++;
    await survives(what);
  });

  it('survives an abrupt disconnect in the middle of a frame and of a handshake', async () => {
    const raw = await opened();
    raw.socket.write(frame(Buffer.alloc(1000, 0x61), { opcode: 1 }).subarray(0, 20));
    raw.socket.destroy();
    const half = connect(live.server.port, '127.0.0.1');
    half.on('error', () => undefined);
    half.write(`GET ${wsPath()} HTTP/1.1\r\nHost: 127.0.0.1:${live.server.port}\r\nUpgrade: websocket\r\n`);
    half.destroy();
    const garbage = connect(live.server.port, '127.0.0.1');
    garbage.on('error', () => undefined);
    garbage.write(Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256)));
    await new Promise((done) => setTimeout(done, 100));
    garbage.destroy();
    tally.badInputsTried += 3;
    await survives('abrupt disconnects');
  });

  it('survives 300 seeded random frames, each on its own connection', async () => {
    const next = random(0x5eed);
    for (let batch = 0; batch < 15; batch++) {
      await Promise.all(
        Array.from({ length: 20 }, async () => {
          const raw = await opened();
          const payload = Buffer.from(Array.from({ length: Math.floor(next() * 300) }, () => Math.floor(next() * 256)));
          const opcode = Math.floor(next() * 16);
          raw.socket.write(frame(payload, { opcode, rsv: next() < 0.3 ? Math.floor(next() * 8) : 0, fin: next() < 0.8, masked: next() < 0.9 }));
          await closedWithin(raw, 30);
        }),
      );
      tally.badInputsTried += 20;
      await survives(`random frames, batch ${batch}`);
    }
  });

  it('survives hundreds of connections opened and dropped, with and without the token', async () => {
    const authorised = Array.from({ length: 300 }, async (_, i) => {
      const { raw } = await rawUpgrade(live.server.port, wsPath(), headers());
      if (i % 2 === 0) raw.socket.destroy();
      else raw.socket.end();
    });
    const refused = Array.from({ length: 100 }, async () => {
      const { status, raw } = await rawUpgrade(live.server.port, '/ws', headers());
      expect(status).toBe(401);
      raw.socket.destroy();
    });
    await Promise.all([...authorised, ...refused]);
    tally.badInputsTried += 400;
    await survives('a storm of 400 connections');
  });

  it('kept the page that was connected throughout', async () => {
    expect(witness.socket.readyState).toBe(witness.socket.OPEN);
    expect(Array.isArray(await witness.client.listRuns({}))).toBe(true);
    expect(tally.faultsSurvived).toBe(tally.faultsInjected);
  });
});
