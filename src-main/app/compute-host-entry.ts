/**
 * Entry of the compute host utility process (built to out/main/compute-host.js): serves the
 * `wgsl` backend over `process.parentPort`, the way src-main/gpu/node/worker.ts does over a
 * worker thread's port.
 */
import { DAWN_ROUTES, createDawnDevice, type DawnRoute } from '../gpu/node/dawn.js';
import type { HostChannel } from '../gpu/node/protocol.js';
import { fileShaderLoader } from '../gpu/node/shader-files.js';
import { serveBackend } from '../gpu/node/wgsl-host.js';
import { WgslBackend } from '../gpu/wgsl/backend.js';

const port = process.parentPort;

/** As the probe table shows it, beside the Node worker's 'node-worker (Dawn, route)'. */
const hostLabel = (route: DawnRoute) => `electron-utility (Dawn, ${route})`;

const channel: HostChannel = {
  send: (message) => port.postMessage(message),
  onMessage: (handler) => port.on('message', (event) => handler(event.data)),
};

serveBackend(
  channel,
  async () => {
    const dawn = await createDawnDevice(DAWN_ROUTES);
    const host = hostLabel(dawn.route);
    const backend = new WgslBackend({
      device: dawn.device,
      loadShader: fileShaderLoader(),
      host,
      recreateDevice: async () => (await createDawnDevice([dawn.route])).device,
    });
    return { backend, host };
  },
  hostLabel(DAWN_ROUTES[0] ?? 'default'),
);
