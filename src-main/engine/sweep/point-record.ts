/**
 * Turning a planned point and its measurements into a PointRecord: cost-model numbers in bytes at
 * the dtype and totalled over B·H, achieved rates over the median sample, roofline fraction.
 */
import type { KernelSupport } from '../core/backend.js';
import type { Cost } from '../core/mixer.js';
import { BYTES_PER_ELEMENT, type DType } from '../core/tensor.js';
import type { Calibration } from '../record/environment.js';
import type { Achieved, CostRecord, PointRecord, PointStatus } from '../record/point.js';
import type { PlannedPoint } from './plan.js';
import type { SweepSettings } from './settings.js';

/** B·H runs per sample: every cost is multiplied by this. */
export function runsPerSample(settings: SweepSettings): number {
  return settings.batch * settings.heads;
}

export function costRecord(cost: Cost, dtype: DType, runs: number): CostRecord {
  const bytes = BYTES_PER_ELEMENT[dtype] * runs;
  return {
    flops: cost.flops * runs,
    movedBytes: cost.movedElements * bytes,
    peakBytes: cost.peakElements * bytes,
    buffers: cost.buffers.map((b) => ({ name: b.name, bytes: b.elements * bytes })),
    bottleneck: { name: cost.bottleneck.name, bytes: cost.bottleneck.elements * bytes },
  };
}

/** Rates over the median sample time; tokens are B·L (heads share their tokens). */
export function achievedRates(cost: CostRecord | null, medianMs: number, tokens: number): Achieved | null {
  if (!(medianMs > 0)) return null;
  const seconds = medianMs / 1000;
  return {
    gflops: cost ? cost.flops / seconds / 1e9 : 0,
    gbps: cost ? cost.movedBytes / seconds / 1e9 : 0,
    tokensPerSecond: tokens / seconds,
  };
}

/** Roofline time max(flops/peak, bytes/bandwidth) over the measured median. */
export function rooflineFraction(cost: CostRecord | null, medianMs: number, calibration?: Calibration): number | null {
  if (!cost || !calibration || !(medianMs > 0)) return null;
  const computeMs = cost.flops / (calibration.peakMatmulGflops * 1e6);
  const memoryMs = cost.movedBytes / (calibration.copyGBs * 1e6);
  return Math.max(computeMs, memoryMs) / medianMs;
}

/** A record with nothing measured yet: the shape every status starts from. */
export function emptyPointRecord(
  point: PlannedPoint,
  settings: SweepSettings,
  host: string,
  status: PointStatus,
  support?: KernelSupport,
): PointRecord {
  return {
    mixer: point.mixer.id,
    form: point.formId,
    backend: point.backend,
    host,
    L: point.L,
    dims: { ...point.dims },
    batch: settings.batch,
    heads: settings.heads,
    dtype: settings.dtype,
    status,
    fidelity: support?.fidelity ?? 'exact',
    ...(support?.note ? { fidelityNote: support.note } : {}),
    samplesMs: [],
    gpuSamplesMs: [],
    stats: null,
    gpuStats: null,
    compileMs: null,
    uploadMs: null,
    readbackMs: null,
    allocatedBytes: null,
    cost: point.cost ? costRecord(point.cost, settings.dtype, runsPerSample(settings)) : null,
    error: null,
    achieved: null,
    rooflineFraction: null,
  };
}
