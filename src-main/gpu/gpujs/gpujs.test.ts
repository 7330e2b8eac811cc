/** The gpu.js conformance suite on the Node host: webgpu (Dawn), headlessgl (Xvfb), webasm, cpu. */
import { afterAll } from 'vitest';
import { gpujsConformance } from './conformance-suite.js';
import { nodeGpujsBackends } from './node-host.js';
import { ensureXDisplay } from './x-display.js';

const display = await ensureXDisplay();
const backends = nodeGpujsBackends();
const probes = await Promise.all(backends.map((b) => b.probe()));

afterAll(async () => {
  for (const b of backends) await b.dispose();
  display?.stop();
});

gpujsConformance(backends.map((backend, i) => ({ backend, probe: probes[i]! })));
