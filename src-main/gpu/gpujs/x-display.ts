/**
 * headless-gl needs an X display. Where none is set and Xvfb is installed (CI, servers), this
 * starts a private virtual one for the life of the process and points DISPLAY at it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

const XVFB = '/usr/bin/Xvfb';

export interface XDisplay {
  readonly display: string;
  /** True for the Xvfb started here: a virtual framebuffer, so its GL renders in software. */
  readonly virtual: boolean;
  /** Stops the Xvfb started here; a no-op for a display that was already set. */
  stop(): void;
}

async function waitFor(path: string, child: ChildProcess, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (existsSync(path)) return true;
    if (child.exitCode !== null) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** The display of the Xvfb this process started, while it runs. */
let startedHere: string | undefined;

/** The current DISPLAY, or a fresh Xvfb one; undefined when neither is possible. */
export async function ensureXDisplay(): Promise<XDisplay | undefined> {
  const current = process.env['DISPLAY'];
  if (current) return { display: current, virtual: current === startedHere, stop: () => undefined };
  if (process.platform !== 'linux' || !existsSync(XVFB)) return undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const n = 100 + ((process.pid + attempt * 7919) % 800);
    if (existsSync(`/tmp/.X11-unix/X${n}`) || existsSync(`/tmp/.X${n}-lock`)) continue;
    const child = spawn(XVFB, [`:${n}`, '-nolisten', 'tcp', '-screen', '0', '64x64x24'], { stdio: 'ignore' });
    if (await waitFor(`/tmp/.X11-unix/X${n}`, child, 5000)) {
      process.env['DISPLAY'] = `:${n}`;
      startedHere = `:${n}`;
      child.unref();
      // Never outlive this process, even when nobody calls stop().
      process.once('exit', () => child.kill());
      return {
        display: `:${n}`,
        virtual: true,
        stop: () => {
          child.kill();
          startedHere = undefined;
          delete process.env['DISPLAY'];
        },
      };
    }
    child.kill();
  }
  return undefined;
}
