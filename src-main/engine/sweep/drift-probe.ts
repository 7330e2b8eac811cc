/**
 * The end of a calibrated sweep: the same roofline probe as at its start, measured again, so the
 * record says whether the machine's speed changed under the run (record/drift.ts). Only a sweep
 * that ran to completion is probed: a cancelled one is left as it is, and says so.
 */
import type { Backend, BackendId } from '../core/backend.js';
import type { DType } from '../core/tensor.js';
import { calibrateBackends } from '../backends/calibrate.js';
import type { Calibration } from '../record/environment.js';
import { withEndProbe } from '../record/drift.js';

/**
 * The CPU backends are probed again (tens of ms: the forms' matmul and a copy). wgsl keeps the
 * calibration it autotuned at the start for its device, so asking again returns the same figures,
 * and gpu.js compiles its calibration kernels anew: neither would be a cheap, fresh measurement.
 */
const END_PROBED: ReadonlySet<BackendId> = new Set(['js', 'reference']);

const NOT_PROBED = 'not measured again: a GPU backend keeps or recompiles its calibration, so the end probe covers the CPU backends';

export async function probeDrift(
  calibrations: readonly Calibration[],
  backends: readonly Backend[],
  dtype: DType,
  cancelled: boolean,
): Promise<Calibration[]> {
  if (calibrations.length === 0) return [];
  if (cancelled) return calibrations.map((c) => ({ ...c, endSkipped: 'the run was cancelled: no end probe' }));
  const probed = backends.filter((b) => END_PROBED.has(b.id) && calibrations.some((c) => c.backend === b.id));
  const ends = await calibrateBackends(probed, dtype).catch(() => [] as Calibration[]);
  return calibrations.map((start) => {
    if (!END_PROBED.has(start.backend)) return { ...start, endSkipped: NOT_PROBED };
    const end = ends.find((e) => e.backend === start.backend);
    return end ? withEndProbe(start, end) : { ...start, endSkipped: 'the end probe failed' };
  });
}
