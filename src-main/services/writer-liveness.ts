/**
 * Is the process that was writing a run still alive? A run's point log starts with its writer:
 * the pid, the host and a random token of the RunStore that opened it. Another process on this host
 * is asked with signal 0; a log of this very process is live only while one of its stores holds
 * it (the token is registered here), so a store reopened after a crash in the same process, or a
 * pid reused by a later process (containers restart as pid 1), is not taken for the writer.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

export interface Writer {
  readonly pid: number;
  readonly host: string;
  readonly token: string;
}

const liveTokens = new Set<string>();

export function newWriter(): Writer {
  const writer = { pid: process.pid, host: hostname(), token: randomBytes(8).toString('hex') };
  liveTokens.add(writer.token);
  return writer;
}

export function releaseWriter(writer: Writer): void {
  liveTokens.delete(writer.token);
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A writer on another host cannot be asked; it is taken as alive (its run stays 'running'). */
export function isWriterAlive(writer: Writer): boolean {
  if (writer.host !== hostname()) return true;
  if (writer.pid === process.pid) return liveTokens.has(writer.token);
  return isProcessAlive(writer.pid);
}
