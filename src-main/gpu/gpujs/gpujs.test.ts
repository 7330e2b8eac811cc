/**
 * The gpu.js conformance suite on the Node host: webgpu (Dawn), headlessgl (Xvfb), webasm, cpu,
 * each in a compute host child process as the CLI and `mixscope serve` run them (one process per
 * mode), so the native modules (Dawn, headless-gl) never share a process with each other or with
 * the test runner.
 */
import { afterAll } from 'vitest';
import { spawnHostBackend } from '../node/host-process.js';
import { gpujsSupport } from './backend.js';
import { gpujsConformance } from './conformance-suite.js';
import { ensureXDisplay } from './x-display.js';

const display = await ensureXDisplay();
const backends = (['gpujs-webgpu', 'gpujs-headlessgl', 'gpujs-webasm', 'gpujs-cpu'] as const).map((id) => spawnHostBackend(id, gpujsSupport));
const probes = await Promise.all(backends.map((b) => b.probe()));

afterAll(async () => {
  for (const b of backends) await b.dispose();
  display?.stop();
});

gpujsConformance(backends.map((backend, i) => ({ backend, probe: probes[i]! })));
