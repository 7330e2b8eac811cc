/**
 * `mixscope run` as a user runs it (a child process): its js compute host, a grandchild, is killed
 * from outside while it measures. The point says 'host-crashed', a new host
 * measures the rest, and the run completes. Linux only: the host is found through /proc.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const linux = process.platform === 'linux' && existsSync('/proc/self/stat');

/** The pid of `parent`'s child process that hosts `backend`, if one is running. */
function hostOf(parent: number, backend: string): number | undefined {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
      const argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (ppid === parent && argv.some((a) => a.endsWith('host-entry.mjs')) && argv.includes(backend)) return Number(entry);
    } catch {
      // A process that ended while being read.
    }
  }
  return undefined;
}

/** CPU time a process has used, ms (utime + stime from /proc, in clock ticks of 10 ms). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

describe.skipIf(!linux)(linux ? 'mixscope run with a compute host killed mid-kernel' : 'mixscope run with a compute host killed mid-kernel (skipped: needs Linux /proc)', () => {
  it('records host-crashed for the point in flight and finishes the sweep', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mixscope-cli-crash-'));
    const out = join(dir, 'r.json');
    const args = ['run', '--backends', 'js', '--mixers', 'softmax-attention', '--forms', 'softmax-attention:materialized', '--lengths', '1024,1536,2048'];
    const cli = spawn(process.execPath, [join(ROOT, 'bin/mixscope.mjs'), ...args, '--d', '32', '--dv', '32', '--reps', '10', '--warmup', '0', '--min-time', '0', '--no-calibrate', '--no-verify', '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // Once the sweep has started (its record exists) and the js host has spent half a second of CPU
    // on kernels since, it is killed where it stands.
    let killed: number | undefined;
    let baseline: number | undefined;
    const watch = setInterval(() => {
      const host = killed === undefined && existsSync(out) ? hostOf(cli.pid!, 'js') : undefined;
      if (host === undefined) return;
      baseline ??= cpuMs(host);
      if (cpuMs(host) - baseline < 500) return;
      killed = host;
      process.kill(host, 'SIGKILL');
    }, 20);
    const code = await new Promise<number | null>((done) => cli.once('exit', done));
    clearInterval(watch);
    const record = JSON.parse(readFileSync(out, 'utf8')) as { status: string; points: { L: number; status: string; reason?: string }[] };
    rmSync(dir, { recursive: true, force: true });
    expect(killed).toBeGreaterThan(0);
    expect(code).toBe(0);
    expect(record.status).toBe('complete');
    const crashed = record.points.filter((p) => p.status === 'host-crashed');
    expect(crashed).toHaveLength(1);
    expect(crashed[0]!.reason).toMatch(/js compute host stopped: killed by SIGKILL/);
    expect(record.points.filter((p) => p.status === 'ok').map((p) => p.L).sort((a, b) => a - b)).toEqual([1024, 1536, 2048].filter((L) => L !== crashed[0]!.L));
  }, 180_000);
});
