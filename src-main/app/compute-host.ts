/**
 * The app's CPU hosts: each CPU backend in an Electron utility process of its own (a Node child
 * with no window), so no kernel ever runs on the main process or a page; a crash or a kill takes
 * down only the host, whose point says 'host-crashed', and the next call starts a new one.
 */
import { utilityProcess } from 'electron';
import { hostEnvironment, hostExecArgv } from '../gpu/node/cpu-host-env.js';
import type { ComputeHost } from '../gpu/node/host-backend.js';
import type { UtilityBackendId } from './cpu-host-label.js';

export function startUtilityHost(entry: string, id: UtilityBackendId): ComputeHost {
  // js's clock wants V8's background work on the main thread, and a CPU host's allocator keeps freed
  // memory for the next output (gpu/node/cpu-clock.ts, cpu-host-env.ts).
  const execArgv = hostExecArgv(id);
  const env = hostEnvironment(id, process.env);
  const child = utilityProcess.fork(entry, [id], { serviceName: `mixscope ${id} host`, stdio: 'inherit', execArgv, env });
  let exited = false;
  child.once('exit', () => (exited = true));
  return {
    get pid() {
      return child.pid;
    },
    // A utility process's port copies (structured clone) instead of transferring buffers.
    channel: {
      send: (message) => child.postMessage(message),
      onMessage: (handler) => child.on('message', handler),
    },
    onExit: (handler) => child.once('exit', (code) => handler(`exit code ${code}`)),
    terminate: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill();
      await gone;
    },
  };
}
