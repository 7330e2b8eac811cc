/**
 * A WebSocket client written byte by byte over `net` (RFC 6455), so the fuzzer can send what no
 * library would: reserved bits, reserved opcodes, unmasked frames, lying lengths, half frames.
 */
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';

export interface RawSocket {
  readonly socket: Socket;
  /** Everything received after the handshake's response. */
  readonly received: () => Buffer;
  /** Resolves when the server closes or resets the connection. */
  readonly closed: Promise<void>;
}

/** Opens a TCP connection and sends an upgrade request; resolves with the response's status line. */
export function rawUpgrade(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; raw: RawSocket }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let buffer = Buffer.alloc(0);
    let body = Buffer.alloc(0);
    let status = 0;
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.on('error', () => undefined);
    socket.on('data', (chunk: Buffer) => {
      if (status) {
        body = Buffer.concat([body, chunk]);
        return;
      }
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      status = Number(/^HTTP\/1\.1 (\d{3})/.exec(buffer.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      body = buffer.subarray(end + 4);
      resolve({ status, raw: { socket, received: () => body, closed } });
    });
    socket.once('close', () => {
      if (!status) resolve({ status: 0, raw: { socket, received: () => body, closed } });
    });
    socket.once('connect', () => {
      const lines = [
        `GET ${path} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
        'Sec-WebSocket-Version: 13',
        ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
      ];
      socket.write(`${lines.join('\r\n')}\r\n\r\n`);
    });
    socket.once('timeout', () => reject(new Error('upgrade timed out')));
  });
}

export interface FrameOptions {
  fin?: boolean;
  rsv?: number;
  opcode: number;
  masked?: boolean;
  /** The length written in the header, when it should lie about the payload. */
  declaredLength?: number;
}

/** One frame's bytes: header (7-bit, 16-bit or 64-bit length), mask, masked payload. */
export function frame(payload: Buffer, options: FrameOptions): Buffer {
  const { fin = true, rsv = 0, opcode, masked = true } = options;
  const length = options.declaredLength ?? payload.length;
  const head: number[] = [(fin ? 0x80 : 0) | ((rsv & 7) << 4) | (opcode & 0xf)];
  const maskBit = masked ? 0x80 : 0;
  let extended = Buffer.alloc(0);
  if (length < 126) head.push(maskBit | length);
  else if (length < 0x10000) {
    head.push(maskBit | 126);
    extended = Buffer.alloc(2);
    extended.writeUInt16BE(length);
  } else {
    head.push(maskBit | 127);
    extended = Buffer.alloc(8);
    extended.writeBigUInt64BE(BigInt(length));
  }
  if (!masked) return Buffer.concat([Buffer.from(head), extended, payload]);
  const mask = randomBytes(4);
  const body = Buffer.from(payload.map((b, i) => b ^ mask[i % 4]!));
  return Buffer.concat([Buffer.from(head), extended, mask, body]);
}

export const text = (s: string): Buffer => frame(Buffer.from(s), { opcode: 1 });
