/**
 * The proxy's failure rules on scripted hosts (no process, no GPU): a silent host is given up
 * after its deadline and replaced, a host that dies under a call fails it as a host crash, and
 * `interrupt` fails a busy host's call as cancelled at once while an idle host is kept.
 */
import { expect, it } from 'vitest';
import { DeviceLostError, HostCrashedError } from '../../engine/core/errors.js';
import { wgslSupport } from '../wgsl/backend.js';
import { HostBackend, type ComputeHost } from './host-backend.js';
import type { HostReply } from './protocol.js';

/** A host that answers every call only when `answers` is true, and records whether it was terminated. */
function scriptedHost(answers: boolean): ComputeHost & { terminated: boolean; die(reason: string): void } {
  let listener: ((message: unknown) => void) | undefined;
  let exit: ((reason: string) => void) | undefined;
  const host = {
    terminated: false,
    die: (reason: string) => exit?.(reason),
    channel: {
      send: (message: unknown) => {
        const { id } = message as { id: number };
        if (!answers) return;
        const reply: HostReply = { id, ok: true, result: { id: 'wgsl', available: true, host: 'scripted', dtypes: ['float32'] } };
        queueMicrotask(() => listener?.(reply));
      },
      onMessage: (handler: (message: unknown) => void) => {
        listener = handler;
      },
    },
    onExit: (handler: (reason: string) => void) => {
      exit = handler;
    },
    terminate: async () => {
      host.terminated = true;
    },
  };
  return host;
}

function backendOver(hosts: ReturnType<typeof scriptedHost>[], deadlineMs: number): { backend: HostBackend; started: () => number } {
  let started = 0;
  const backend = new HostBackend(() => hosts[started++]!, {
    id: 'wgsl',
    support: (mixer, form, dtype) => wgslSupport(mixer, form, dtype),
    label: 'scripted host',
    deadlines: { probeMs: deadlineMs, callMs: deadlineMs },
  });
  return { backend, started: () => started };
}

it('gives up a silent host after the deadline, reports it, and the next call starts a new one', async () => {
  const hosts = [scriptedHost(false), scriptedHost(true)];
  const { backend, started } = backendOver(hosts, 50);
  const silent = await backend.probe();
  expect(silent).toMatchObject({ available: false, reason: expect.stringContaining("did not answer 'probe' within 0.05 s") });
  expect(hosts[0]!.terminated).toBe(true);
  expect(await backend.probe()).toMatchObject({ available: true, host: 'scripted' });
  expect(started()).toBe(2);
});

it('fails the calls in flight with HostCrashedError when the host dies under them', async () => {
  const hosts = [scriptedHost(false), scriptedHost(true)];
  const { backend } = backendOver(hosts, 60_000);
  const inFlight = backend.calibrate('float32');
  hosts[0]!.die('killed by SIGKILL');
  await expect(inFlight).rejects.toThrow(/wgsl compute host stopped: killed by SIGKILL/);
  await expect(inFlight).rejects.toBeInstanceOf(HostCrashedError);
  await expect(inFlight).rejects.toBeInstanceOf(DeviceLostError);
  await backend.reset();
  expect(await backend.probe()).toMatchObject({ available: true });
});

it('interrupt kills a busy host and fails its call as cancelled; an idle host is kept', async () => {
  const hosts = [scriptedHost(false), scriptedHost(true)];
  const { backend, started } = backendOver(hosts, 60_000);
  const inFlight = backend.calibrate('float32');
  expect(backend.interrupt()).toBe(true);
  await expect(inFlight).rejects.toMatchObject({ code: 'cancelled' });
  expect(hosts[0]!.terminated).toBe(true);
  await backend.probe();
  expect(backend.interrupt()).toBe(false);
  expect(hosts[1]!.terminated).toBe(false);
  expect(started()).toBe(2);
});
