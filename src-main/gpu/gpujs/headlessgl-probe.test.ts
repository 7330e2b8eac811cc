/**
 * headless-gl names its renderer 'ANGLE' whatever draws underneath; on an Xvfb this process
 * started, that is software GL, and the probe must say so (the app's quick profile then prefers
 * a real GPU or the CPU kernels over it).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { nodeGpujsBackend } from './node-host.js';
import { ensureXDisplay } from './x-display.js';

const alreadySet = process.env['DISPLAY'];
const display = await ensureXDisplay();
const backend = nodeGpujsBackend('headlessgl');
const probe = await backend.probe();

afterAll(async () => {
  await backend.dispose();
  display?.stop();
});

const runs = probe.available && display?.virtual === true && !alreadySet;
const why = !probe.available ? `headless-gl unavailable: ${probe.reason}` : 'DISPLAY was already set, so no private Xvfb';
describe.skipIf(!runs)(`gpujs-headlessgl probe on a private Xvfb${runs ? '' : ` — SKIPPED: ${why}`}`, () => {
  it('reports the adapter as software', () => {
    expect(probe.adapter).toMatchObject({ software: true });
  });
});
