/**
 * The WGSL conformance suite in float16 through the Node compute worker on Dawn, in two guises:
 * - on an adapter with shader-f16, the real f16 kernels (f16 storage, f32 arithmetic);
 * - on one without (every adapter of a GPU-less machine), the same kernels with f32 storage whose
 *   every store is rounded by WGSL's quantizeToF16 and whose inputs are rounded to f16 on upload:
 *   the same roundings in the same places, so the float16 tolerance is tested against the kernels'
 *   real intermediate roundings. It says nothing of how a driver compiles f16; only the first does.
 * Each skips, with the reason in its title, where the other runs.
 */
import { afterAll } from 'vitest';
import { spawnWorkerBackend } from '../node/spawn-worker.js';
import { TOLERANCE } from '../../engine/sweep/measure.js';
import { wgslConformance } from './conformance-suite.js';
import { TEST_ROUTES } from './test-host.js';

const backend = spawnWorkerBackend({ routes: TEST_ROUTES, emulateF16: true });
const probe = await backend.probe();
afterAll(() => backend.dispose());

const hasF16 = (probe.features ?? []).includes('shader-f16');
const tolerance = TOLERANCE.float16;

wgslConformance(backend, probe, {
  dtype: 'float16',
  title: `wgsl float16 kernels (shader-f16) match the float64 reference within ${tolerance}`,
  ...(probe.available && !hasF16 ? { skip: 'adapter has no shader-f16' } : {}),
});

wgslConformance(backend, probe, {
  dtype: 'float16',
  title: `wgsl float16 numerics on emulated f16 storage (quantizeToF16 stores, f16-rounded inputs) match the float64 reference within ${tolerance}`,
  ...(hasF16 ? { skip: 'the adapter has shader-f16, the real f16 kernels run instead' } : {}),
});
