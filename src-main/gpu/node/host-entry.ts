/**
 * A compute host process (forked by host-process.ts): serves the one backend named in argv over
 * Node's IPC channel, so kernels run on an event loop that serves nothing else, and a native crash
 * (Dawn, headless-gl) or a kill takes down only this process. It exits when its parent goes.
 */
import type { BackendId } from '../../engine/core/backend.js';
import { hostedLabel, makeHostedBackend, type HostedOptions } from './hosted-backends.js';
import type { HostChannel } from './protocol.js';
import { serveBackend } from './serve-backend.js';

const id = process.argv[2] as BackendId;
const options = JSON.parse(process.env['MIXSCOPE_HOST_OPTIONS'] ?? '{}') as HostedOptions;

const channel: HostChannel = {
  // IPC with 'advanced' serialization: typed arrays arrive as typed arrays (copied, not transferred).
  send: (message) => process.send!(message),
  onMessage: (handler) => process.on('message', handler),
};

// An orphaned host would hold a device (and a core) forever.
process.on('disconnect', () => process.exit(0));

serveBackend(channel, () => makeHostedBackend(id, options), { id, host: hostedLabel(id) });
