/**
 * The hidden compute host of the app: the `wgsl` backend's Dawn device lives in an Electron
 * utility process (a Node child with no window), so no kernel ever runs on the main process or
 * the page, and a driver crash takes down only the host; `WorkerBackend` reports it as a device
 * loss and starts a new one. Same message protocol as the Node worker (src-main/gpu/node).
 */
import { utilityProcess } from 'electron';
import type { ComputeHost } from '../gpu/node/worker-backend.js';
import { WorkerBackend } from '../gpu/node/worker-backend.js';

export function startUtilityHost(entry: string, shadersDir: string): ComputeHost {
  const child = utilityProcess.fork(entry, [], {
    serviceName: 'mixscope compute host',
    env: { ...process.env, MIXSCOPE_SHADERS: shadersDir },
    stdio: 'inherit',
  });
  return {
    // A utility process's port copies (structured clone) instead of transferring buffers.
    channel: {
      send: (message) => child.postMessage(message),
      onMessage: (handler) => child.on('message', handler),
    },
    onExit: (handler) => child.once('exit', (code) => handler(`exit code ${code}`)),
    terminate: async () => {
      child.kill();
    },
  };
}

export function utilityWgslBackend(entry: string, shadersDir: string): WorkerBackend {
  return new WorkerBackend(() => startUtilityHost(entry, shadersDir));
}
