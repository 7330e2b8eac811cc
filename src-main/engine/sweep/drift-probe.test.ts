/**
 * The end probe of a calibrated sweep: a backend whose calibration says one peak at the start and
 * another at the end gives the drift and, beyond 10%, a run warning; a cancelled sweep is not
 * probed and says so.
 */
import { describe, expect, it } from 'vitest';
import type { Backend } from '../core/backend.js';
import { calibrateBackends } from '../backends/calibrate.js';
import { createJsBackend } from '../backends/js.js';
import { finishRunRecord, startRunRecord } from '../record/build.js';
import type { Environment } from '../record/environment.js';
import { parseRunRecord } from '../record/parse.js';
import { probeDrift } from './drift-probe.js';
import { runSweep } from './run.js';
import { DEFAULT_SWEEP_SETTINGS, type SweepSettings } from './settings.js';

const settings: SweepSettings = {
  ...DEFAULT_SWEEP_SETTINGS,
  lengths: [8, 16],
  d: 4,
  dv: 4,
  mixers: ['softmax-attention'],
  forms: { 'softmax-attention': ['materialized'] },
  backends: ['js'],
  warmup: 0,
  repetitions: 3,
  minTimeMs: 0,
  dtype: 'float64',
  order: 'in-order',
  pointTimeCapMs: 40,
};

/** A js backend whose calibration returns the given peaks in turn (start, end, ...). */
function scriptedCalibration(peaks: number[]): Backend & { calls: number } {
  const js = createJsBackend();
  const backend = {
    ...js,
    calls: 0,
    async calibrate() {
      const peak = peaks[Math.min(backend.calls++, peaks.length - 1)]!;
      return { peakMatmulGflops: peak, copyGBs: 10 };
    },
  };
  return backend;
}

const environment: Environment = {
  app: { name: 'mixscope', version: '0' },
  runtime: {},
  os: { platform: 'linux', arch: 'x64' },
  cpu: { model: 'cpu', cores: 2 },
  memory: { totalBytes: 1 },
  backends: [],
  host: 'test',
};

async function sweepWithPeaks(peaks: number[], signal?: AbortSignal) {
  const backend = scriptedCalibration(peaks);
  const calibration = await calibrateBackends([backend], settings.dtype);
  const result = await runSweep(settings, [backend], { calibration, ...(signal ? { signal } : {}) });
  const record = finishRunRecord(startRunRecord({ id: 'drift-test', startedAt: 'x', environment, settings, calibration }), {
    status: result.cancelled ? 'cancelled' : 'complete',
    finishedAt: 'y',
    ...(result.calibration ? { calibration: result.calibration } : {}),
  });
  return { backend, result, record: parseRunRecord(JSON.parse(JSON.stringify(record))) };
}

describe('drift check at the end of a calibrated sweep', () => {
  it('records the end figures and warns when the peak fell by more than 10%', async () => {
    const { backend, result, record } = await sweepWithPeaks([50, 33.2]);
    expect(backend.calls).toBe(2);
    expect(result.cancelled).toBe(false);
    expect(record.calibration![0]).toMatchObject({ backend: 'js', peakMatmulGflops: 50, end: { peakMatmulGflops: 33.2, copyGBs: 10 } });
    expect(record.calibration![0]!.drift).toBeCloseTo(-0.336, 12);
    expect(record.warnings).toEqual([{ kind: 'calibration-drift', backend: 'js', message: expect.stringContaining('50.0 GFLOP/s at the start, 33.2 at the end (34% slower)') }]);
  });

  it('records the drift but no warning under 10%', async () => {
    const { record } = await sweepWithPeaks([50, 47.5]);
    expect(record.calibration![0]!.drift).toBeCloseTo(-0.05, 12);
    expect(record.warnings).toBeUndefined();
  });

  it('skips the end probe of a cancelled sweep and says so', async () => {
    const controller = new AbortController();
    controller.abort();
    const { backend, result, record } = await sweepWithPeaks([50, 10], controller.signal);
    expect(result.cancelled).toBe(true);
    expect(backend.calls).toBe(1);
    expect(record.calibration![0]).toMatchObject({ endSkipped: 'the run was cancelled: no end probe' });
    expect(record.calibration![0]).not.toHaveProperty('drift');
    expect(record.warnings).toBeUndefined();
  });

  it('probes the CPU backends only: a GPU backend keeps its calibration and says why', async () => {
    const js = scriptedCalibration([40]);
    const wgsl = { ...scriptedCalibration([99]), id: 'wgsl' as const };
    const ends = await probeDrift(
      [{ backend: 'wgsl', dtype: 'float32', peakMatmulGflops: 100, copyGBs: 50 }, { backend: 'js', dtype: 'float32', peakMatmulGflops: 50, copyGBs: 10 }],
      [wgsl, js],
      'float32',
      false,
    );
    expect(wgsl.calls).toBe(0);
    expect(ends[0]).toMatchObject({ backend: 'wgsl', endSkipped: expect.stringContaining('GPU backend') });
    expect(ends[0]).not.toHaveProperty('drift');
    expect(ends[1]).toMatchObject({ backend: 'js', end: { peakMatmulGflops: 40 }, drift: 40 / 50 - 1 });
  });

  it('does not probe an uncalibrated sweep', async () => {
    const backend = scriptedCalibration([50, 10]);
    const result = await runSweep(settings, [backend]);
    expect(backend.calls).toBe(0);
    expect(result.calibration).toEqual([]);
  });
});
