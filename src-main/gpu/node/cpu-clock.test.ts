/**
 * The js hosts run V8 on one thread, so the process CPU clock that times them counts the kernel and
 * not background GC or compiler threads: checked on the command line of a real host process (the
 * CLI's child process and the app's utility process, through the electron mock), and by the clock
 * itself: a host's samples never exceed their wall time by more than the clock's rounding. CPU
 * hosts start with the allocator settings of cpu-host-env.ts in their environment.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { linearAttention } from '../../engine/mixers/linear-attention/index.js';
import { createRng } from '../../engine/core/random.js';
import { getForm } from '../../engine/registry.js';
import { startUtilityHost } from '../../app/compute-host.js';
import { CPU_CLOCK_V8_FLAGS } from './cpu-clock.js';
import { ALLOCATOR_TUNABLES, hostEnvironment } from './cpu-host-env.js';
import { HostBackend, type ComputeHost } from './host-backend.js';
import { startHostProcess } from './host-process.js';

vi.mock('electron', () => import('../../../test/mocks/electron.js'));

const PROC = existsSync('/proc/self/cmdline');
const UTILITY_ENTRY = fileURLToPath(new URL('../../app/compute-host-entry.ts', import.meta.url));

function commandLine(pid: number | undefined): string[] {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
}

function environment(pid: number | undefined): string[] {
  return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
}

/** Whether a host's environment holds the settings (glibc may shorten the string it shows once it has read it). */
const tuned = (pid: number | undefined): boolean =>
  environment(pid).some((v) => v.startsWith('GLIBC_TUNABLES=') && ALLOCATOR_TUNABLES.startsWith(v.slice('GLIBC_TUNABLES='.length)) && v.length > 'GLIBC_TUNABLES='.length);

describe.skipIf(!PROC)(PROC ? 'js hosts run V8 single-threaded' : 'js hosts run V8 single-threaded (SKIPPED: no /proc here)', () => {
  const hosts: ComputeHost[] = [];
  afterAll(async () => Promise.all(hosts.map((h) => h.terminate())));

  it('starts the CLI and serve js host with the flags, and no other host with them', async () => {
    const js = startHostProcess('js');
    const reference = startHostProcess('reference');
    hosts.push(js, reference);
    expect(CPU_CLOCK_V8_FLAGS).toContain('--single-threaded');
    for (const flag of CPU_CLOCK_V8_FLAGS) expect(commandLine(js.pid)).toContain(flag);
    for (const flag of CPU_CLOCK_V8_FLAGS) expect(commandLine(reference.pid)).not.toContain(flag);
    expect(commandLine(reference.pid)).toContain('--expose-gc');
    // Every CPU backend's host keeps freed memory for the next output (cpu-host-env.ts); a GPU host does not.
    const wgsl = startHostProcess('wgsl');
    hosts.push(wgsl);
    expect(tuned(js.pid)).toBe(true);
    expect(tuned(reference.pid)).toBe(true);
    expect(environment(wgsl.pid).some((v) => v.startsWith('GLIBC_TUNABLES='))).toBe(false);
  });

  it('starts the app js utility host with the flags', () => {
    const js = startUtilityHost(UTILITY_ENTRY, 'js');
    const cpu = startUtilityHost(UTILITY_ENTRY, 'gpujs-cpu');
    hosts.push(js, cpu);
    for (const flag of CPU_CLOCK_V8_FLAGS) expect(commandLine(js.pid)).toContain(flag);
    for (const flag of CPU_CLOCK_V8_FLAGS) expect(commandLine(cpu.pid)).not.toContain(flag);
    expect(tuned(js.pid)).toBe(true);
    expect(tuned(cpu.pid)).toBe(true);
  });

  it('a js host reuses warm pages for its outputs instead of faulting in new ones', async () => {
    let pid: number | undefined;
    const backend = new HostBackend(
      () => {
        const host = startHostProcess('js');
        hosts.push(host);
        pid = host.pid;
        return host;
      },
      { id: 'js', support: () => ({ supported: true, fidelity: 'exact' }), label: 'node-host (js)' },
    );
    // linear attention's chunked form at L = 1024, float32: a 256 KiB output, 64 pages, per call.
    const params = {};
    const inputs = linearAttention.randomInputs({ L: 1024, d: 64, dv: 64 }, createRng(5), params);
    const kernel = await backend.prepare({ mixer: linearAttention, form: getForm(linearAttention, 'chunked'), inputs, params, dtype: 'float32' });
    for (let i = 0; i < 5; i++) await kernel.run();
    // Field 10 of /proc/PID/stat: the minor page faults of the process so far.
    const faults = (): number => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[7]);
    const before = faults();
    const calls = 60;
    for (let i = 0; i < calls; i++) await kernel.run();
    const perCall = (faults() - before) / calls;
    kernel.release();
    await backend.dispose();
    expect(perCall).toBeLessThan(8);
  });

  it("adds the allocator settings before the user's own, and only for CPU backends", () => {
    expect(hostEnvironment('js', { PATH: '/bin' })).toEqual({ PATH: '/bin', GLIBC_TUNABLES: ALLOCATOR_TUNABLES });
    expect(hostEnvironment('gpujs-webasm', { GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' })['GLIBC_TUNABLES']).toBe(`${ALLOCATOR_TUNABLES}:glibc.malloc.arena_max=2`);
    expect(hostEnvironment('wgsl', { PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });

  it('times a js host kernel that allocates with no sample above its wall time', async () => {
    const backend = new HostBackend(
      () => {
        const host = startHostProcess('js');
        hosts.push(host);
        return host;
      },
      { id: 'js', support: () => ({ supported: true, fidelity: 'exact' }), label: 'node-host (js)' },
    );
    const params = {};
    const inputs = linearAttention.randomInputs({ L: 512, d: 64, dv: 64 }, createRng(3), params);
    const kernel = await backend.prepare({ mixer: linearAttention, form: getForm(linearAttention, 'parallel'), inputs, params, dtype: 'float32' });
    const samples: number[] = [];
    const walls: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      samples.push((await kernel.run()).wallMs);
      walls.push(performance.now() - t0);
    }
    kernel.release();
    await backend.dispose();
    // The wall time around a call also holds the round trip, so a CPU sample above it is other threads' work.
    const over = samples.filter((ms, i) => ms > walls[i]! + 0.05);
    expect(over).toEqual([]);
  });
});
