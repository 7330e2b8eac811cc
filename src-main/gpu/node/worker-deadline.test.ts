/**
 * A compute host that stops answering (a driver deadlocked in native code) never hangs a sweep:
 * the call fails as a device loss after its deadline, the probe says why, and reset starts a new
 * host. The hosts here are scripted; no GPU is needed.
 */
import { expect, it } from 'vitest';
import { DeviceLostError } from '../../engine/core/errors.js';
import type { HostReply } from './protocol.js';
import { WorkerBackend, type ComputeHost } from './worker-backend.js';

/** A host that answers probes only when `answers` is true, and records whether it was terminated. */
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

it('gives up a silent host after the deadline, reports it, and reset starts a new one', async () => {
  const hosts = [scriptedHost(false), scriptedHost(true)];
  let started = 0;
  const backend = new WorkerBackend(() => hosts[started++]!, { probeMs: 50, callMs: 50 });
  const silent = await backend.probe();
  expect(silent).toMatchObject({ available: false, reason: expect.stringContaining("did not answer 'probe' within 0.05 s") });
  expect(hosts[0]!.terminated).toBe(true);
  await expect(backend.calibrate('float32')).rejects.toBeInstanceOf(DeviceLostError);
  await backend.reset();
  expect(started).toBe(2);
  expect(await backend.probe()).toMatchObject({ available: true, host: 'scripted' });
});

it('fails the calls in flight with DeviceLostError when the host dies under them', async () => {
  const hosts = [scriptedHost(false), scriptedHost(true)];
  let started = 0;
  const backend = new WorkerBackend(() => hosts[started++]!, { probeMs: 60_000, callMs: 60_000 });
  const inFlight = backend.calibrate('float32');
  hosts[0]!.die('exit code 134');
  await expect(inFlight).rejects.toThrow(/wgsl compute host stopped: exit code 134/);
  await expect(inFlight).rejects.toBeInstanceOf(DeviceLostError);
  await backend.reset();
  expect(await backend.probe()).toMatchObject({ available: true });
});
