/**
 * A small synthetic run for the chart tests: one quadratic and one linear form of one backend, with
 * times t = c·L^k exactly, so the fits, crossovers and series are known in closed form.
 */
import { DEFAULT_SWEEP_SETTINGS } from '@engine/sweep/settings.js';
import type { PointRecord } from '@engine/record/schema.js';
import type { ChartRun } from './chart-run.js';

interface CurveSpec {
  readonly mixer: string;
  readonly form: string;
  readonly exponent: number;
  readonly coefficient: number;
  /** Bottleneck elements at L (per head). */
  readonly bottleneck: (L: number) => number;
}

export const FIXTURE_LENGTHS = [64, 128, 256, 512];

export const QUADRATIC: CurveSpec = { mixer: 'softmax-attention', form: 'materialized', exponent: 2, coefficient: 1e-4, bottleneck: (L) => L * L };
/** Crosses the quadratic curve where 1e-4·L² = 0.0256·L, i.e. at L = 256. */
export const LINEAR: CurveSpec = { mixer: 'linear-attention', form: 'recurrent', exponent: 1, coefficient: 0.0256, bottleneck: () => 64 * 64 };

export function fixturePoint(spec: CurveSpec, L: number, overrides: Partial<PointRecord> = {}): PointRecord {
  const p50 = spec.coefficient * L ** spec.exponent;
  const flops = 4 * L * L * 64;
  const stats = { n: 3, min: p50 * 0.9, p10: p50 * 0.9, p50, p90: p50 * 1.2, max: p50 * 1.3, mean: p50, cv: 0.05, iqr: p50 * 0.05, noisy: false };
  return {
    mixer: spec.mixer,
    form: spec.form,
    backend: 'js',
    host: 'node',
    L,
    dims: { L, d: 64, dv: 64 },
    batch: 1,
    heads: 1,
    dtype: 'float32',
    status: 'ok',
    fidelity: 'exact',
    samplesMs: [stats.min, p50, stats.p90],
    gpuSamplesMs: [],
    stats,
    gpuStats: null,
    compileMs: 0.1,
    uploadMs: 0,
    readbackMs: 0,
    allocatedBytes: 4 * (4 * L * 64 + spec.bottleneck(L)),
    cost: {
      flops,
      movedBytes: 4 * 4 * L * 64,
      peakBytes: 4 * (4 * L * 64 + spec.bottleneck(L)),
      buffers: [{ name: 'Q', bytes: 4 * L * 64 }],
      bottleneck: { name: spec.exponent === 2 ? 'L×L scores' : 'd×d_v state', bytes: 4 * spec.bottleneck(L) },
    },
    error: { maxAbs: spec.exponent === 2 ? 2e-7 : 0, relative: spec.exponent === 2 ? 1e-7 : 0, tolerance: 1e-4, pass: true },
    achieved: { gflops: flops / (p50 * 1e6), gbps: 1, tokensPerSecond: L / (p50 / 1000) },
    rooflineFraction: 0.1,
    ...overrides,
  };
}

export function fixtureRun(): ChartRun {
  const points = [QUADRATIC, LINEAR].flatMap((spec) => FIXTURE_LENGTHS.map((L) => fixturePoint(spec, L)));
  return {
    settings: { ...DEFAULT_SWEEP_SETTINGS, lengths: FIXTURE_LENGTHS, d: 64, dv: 64 },
    points,
    fits: [],
    crossovers: [],
    calibration: [{ backend: 'js', dtype: 'float32', peakMatmulGflops: 20, copyGBs: 10 }],
  };
}
