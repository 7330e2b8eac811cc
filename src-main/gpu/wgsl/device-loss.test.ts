/**
 * A lost device is recorded, not hidden: WgslBackend throws DeviceLostError after a loss, `reset`
 * makes a new device, and the next point runs. The scenario runs in a child process with a
 * deadline (see device-loss-scenario.ts for why); a deadline missed twice fails the test.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { gpuDescribe, startTestBackend } from './test-host.js';

const run = promisify(execFile);
const SCENARIO = fileURLToPath(new URL('./device-loss-scenario.ts', import.meta.url));
const DEADLINE_MS = 60_000;

// The worker's probe decides whether this machine has an adapter at all (and names it in the title).
const { backend: probeHost, probe } = await startTestBackend();
await probeHost.dispose();

async function scenario(): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', SCENARIO], { timeout: DEADLINE_MS, killSignal: 'SIGKILL' });
      return JSON.parse(stdout.trim().split('\n').at(-1)!);
    } catch (err) {
      if (attempt >= 2 || !(err as { killed?: boolean }).killed) throw err;
    }
  }
}

gpuDescribe(probe, 'wgsl device loss', () => {
  it('throws DeviceLostError after a loss, and runs again after reset', async () => {
    expect(await scenario()).toEqual({ afterLoss: 'DeviceLostError', probeAfterLoss: false, devicesMade: 1, outputLength: 40 * 8 });
  });
});
