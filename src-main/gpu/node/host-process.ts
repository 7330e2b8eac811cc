/**
 * Starts a compute host as a child process (host-entry.mjs → host-entry.ts) and wraps it as a
 * HostBackend. A child process, not a worker thread: a native module that crashes or deadlocks
 * (Dawn, headless-gl) takes down only the host, and a busy host can be killed at once on cancel.
 */
import { fork } from 'node:child_process';
import type { BackendId } from '../../engine/core/backend.js';
import type { DawnRoute } from './dawn.js';
import { hostEnvironment, hostExecArgv } from './cpu-host-env.js';
import { hostedLabel, type HostedOptions } from './hosted-backends.js';
import { HostBackend, type ComputeHost, type HostBackendOptions } from './host-backend.js';

export interface HostProcessOptions {
  /** Dawn routes to try, in order (default: default → SwiftShader Vulkan → llvmpipe). */
  readonly routes?: readonly DawnRoute[] | undefined;
  readonly memoryBudgetBytes?: number;
  /** The user-data folder for wgsl's tuning cache (default: the host's MIXSCOPE_USER_DATA, else the app's folder). */
  readonly tuningCacheDir?: string;
  /** Tests only: wgsl's float16 on emulated f16 storage (hosted-backends.ts). */
  readonly emulateF16?: boolean;
}

const HOST_ENTRY = new URL('./host-entry.mjs', import.meta.url);

export function startHostProcess(id: BackendId, options: HostProcessOptions = {}): ComputeHost {
  const hosted: HostedOptions = { routes: options.routes, memoryBudgetBytes: options.memoryBudgetBytes, tuningCacheDir: options.tuningCacheDir, emulateF16: options.emulateF16 };
  const child = fork(HOST_ENTRY, [id], {
    serialization: 'advanced',
    env: { ...hostEnvironment(id, process.env), MIXSCOPE_HOST_OPTIONS: JSON.stringify(hosted) },
    // The parent's flags (vitest's, a debugger's) are not the host's; a CPU host has its own (cpu-host-env.ts).
    execArgv: hostExecArgv(id),
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    pid: child.pid,
    channel: {
      send: (message) => {
        if (child.connected) child.send(message as object);
      },
      onMessage: (handler) => child.on('message', handler),
    },
    onExit: (handler) => {
      child.once('error', (err) => handler(err.message));
      child.once('exit', (code, signal) => handler(signal ? `killed by ${signal}` : `exit code ${code}`));
    },
    terminate: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await gone;
    },
  };
}

/** A backend whose every call runs in its own child process (started on first use, restarted after a crash). */
export function spawnHostBackend(
  id: BackendId,
  support: HostBackendOptions['support'],
  options: HostProcessOptions & { deadlines?: HostBackendOptions['deadlines'] } = {},
): HostBackend {
  const { deadlines, ...processOptions } = options;
  return new HostBackend(() => startHostProcess(id, processOptions), { id, support, label: hostedLabel(id), ...(deadlines ? { deadlines } : {}) });
}
