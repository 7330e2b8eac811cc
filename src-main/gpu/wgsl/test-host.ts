/**
 * The GPU tests' host: one compute worker per test file, on the Dawn routes that are quickest here
 * (the real GPU when there is one, else llvmpipe, else SwiftShader), or MIXSCOPE_DAWN_ROUTES.
 * Suites use `gpuDescribe` so that a machine without an adapter skips them visibly, with the reason
 * in the suite's title.
 */
import { afterAll, describe, expect } from 'vitest';
import type { BackendProbe } from '../../engine/core/backend.js';
import type { Mixer } from '../../engine/core/mixer.js';
import { createRng } from '../../engine/core/random.js';
import { resolveParams } from '../../engine/core/validate.js';
import { createDawnDevice, parseDawnRoutes, type DawnDevice } from '../node/dawn.js';
import { spawnWorkerBackend } from '../node/spawn-worker.js';
import type { HostBackend as WorkerBackend } from '../node/host-backend.js';

export const TEST_ROUTES = parseDawnRoutes(process.env['MIXSCOPE_DAWN_ROUTES']) ?? ['default', 'opengles-llvmpipe', 'swiftshader-vulkan'];

/**
 * A Dawn device in the test's own process, on TEST_ROUTES, destroyed after the file's tests; or,
 * where none can be made, why not (for the suites' skip titles).
 */
export async function inProcessTestDevice(): Promise<{ dawn: DawnDevice | undefined; reason: string }> {
  try {
    const dawn = await createDawnDevice(TEST_ROUTES);
    afterAll(() => dawn.device.destroy());
    return { dawn, reason: '' };
  } catch (err) {
    return { dawn: undefined, reason: err instanceof Error ? err.message : String(err) };
  }
}

export async function startTestBackend(): Promise<{ backend: WorkerBackend; probe: BackendProbe }> {
  const backend = spawnWorkerBackend({ routes: TEST_ROUTES });
  return { backend, probe: await backend.probe() };
}

export function gpuDescribe(probe: BackendProbe, title: string, body: () => void): void {
  const adapter = [probe.adapter?.description, probe.adapter?.vendor, probe.adapter?.architecture].filter(Boolean).join(', ');
  if (probe.available) describe(`${title} — on ${probe.host}, ${adapter || 'unknown adapter'}`, body);
  else describe.skip(`${title} — SKIPPED: no WebGPU adapter (${probe.reason ?? 'unknown reason'})`, body);
}

/** Canonical random inputs of a mixer at the sweep shape (L, d, dv = d), default or given parameters. */
export function pointInputs(mixer: Mixer, L: number, d: number, dv = d, given: Readonly<Record<string, number | string>> = {}, seed = 7) {
  const params = resolveParams(mixer, given);
  const dims = mixer.dims({ L, d, dv, state: 4 }, params);
  const inputs = mixer.randomInputs(dims, createRng(seed), params);
  return { params, dims, inputs };
}

/** What every autotuner keeps: each candidate checked within 1e-4 and timed, the fastest correct one chosen, never slower than the default. */
export function expectFastestCorrect<C>(tuning: { readonly config: C; readonly speedupOverDefault: number; readonly candidates: readonly { readonly config: C; readonly error?: number; readonly ms?: number }[] }): void {
  for (const c of tuning.candidates) {
    expect(c.error).toBeLessThanOrEqual(1e-4);
    expect(c.ms).toBeGreaterThan(0);
  }
  const fastest = Math.min(...tuning.candidates.map((c) => c.ms!));
  expect(tuning.candidates.find((c) => c.ms === fastest)!.config).toEqual(tuning.config);
  expect(tuning.speedupOverDefault).toBeLessThanOrEqual(1);
}
