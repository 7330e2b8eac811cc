/**
 * Seeded synthetic run records of quick-profile size (every form of every registered mixer at
 * L = 128…2048 on one backend, ~140 points) with known timing laws, for the comparison's tests and
 * benchmark. A point's samples are t·e^{σ·z}: lognormal noise around a median t = c·(L/128)^k with
 * k from the form's declared scaling; as many samples as the quick profile's `minTimeMs` asks for.
 */
import type { BackendId } from '../core/backend.js';
import { createRng, type Rng } from '../core/random.js';
import type { PointRecord } from '../record/point.js';
import { parseRunRecord } from '../record/parse.js';
import type { RunRecord } from '../record/schema.js';
import { MIXERS } from '../registry.js';
import { QUICK_SWEEP_SETTINGS } from '../sweep/settings.js';
import { summarize } from '../stats/summary.js';

const EXPONENT = { quadratic: 2, linear: 1, linearithmic: 1.1 } as const;

export interface SyntheticRun {
  readonly id: string;
  readonly seed: number;
  readonly backend?: BackendId;
  /** σ of the log-normal noise (default 0.05). */
  readonly noise?: number;
  /** Most samples per point (the sweep's MAX_SAMPLES is 1000). */
  readonly maxSamples?: number;
  readonly lengths?: readonly number[];
  /** Median time factor of each point (default 1): the known truth a comparison should find. */
  readonly factor?: (mixer: string, form: string, L: number) => number;
}

/** `n` samples with median ≈ `median` and log-normal noise σ. */
export function lognormalSamples(rng: Rng, n: number, median: number, sigma: number): number[] {
  return Array.from({ length: n }, () => median * Math.exp(sigma * rng.normal()));
}

/** The record as JSON of format v1, as an old file would hold it (read through parseRunRecord). */
export function syntheticRunJson(spec: SyntheticRun): Record<string, unknown> {
  const rng = createRng(spec.seed);
  const backend = spec.backend ?? 'js';
  const lengths = spec.lengths ?? QUICK_SWEEP_SETTINGS.lengths;
  const points: PointRecord[] = [];
  let curve = 0;
  for (const mixer of MIXERS) {
    for (const form of mixer.forms) {
      const base = 0.02 * (1 + (curve++ % 7));
      for (const L of lengths) {
        const median = base * (L / 128) ** EXPONENT[form.scaling] * (spec.factor?.(mixer.id, form.id, L) ?? 1);
        const n = Math.max(QUICK_SWEEP_SETTINGS.repetitions, Math.min(spec.maxSamples ?? 1000, Math.ceil(QUICK_SWEEP_SETTINGS.minTimeMs / median)));
        const samplesMs = lognormalSamples(rng, n, median, spec.noise ?? 0.05);
        const peakBytes = 4 * 64 * L * (form.scaling === 'quadratic' ? L / 16 : 4);
        points.push({
          mixer: mixer.id, form: form.id, backend, host: 'node', L, dims: { L, d: 64, dv: 64 }, batch: 1, heads: 1, dtype: 'float32',
          status: 'ok', fidelity: 'exact', samplesMs, gpuSamplesMs: [], stats: summarize(samplesMs), gpuStats: null,
          compileMs: 0.1, uploadMs: 0, readbackMs: 0, allocatedBytes: peakBytes,
          cost: { flops: 4 * L * L * 64, movedBytes: 16 * L * 64, peakBytes, buffers: [], bottleneck: { name: 'scores', bytes: peakBytes } },
          error: { maxAbs: 1e-7, relative: 1e-7, tolerance: 1e-4, pass: true },
          achieved: { gflops: 1, gbps: 1, tokensPerSecond: L / (median / 1000) },
          rooflineFraction: 0.1,
        });
      }
    }
  }
  return {
    format: 'mixscope-run', version: 1, id: spec.id, status: 'complete',
    startedAt: '2026-01-01T00:00:00.000Z', finishedAt: '2026-01-01T00:01:00.000Z',
    environment: {
      app: { name: 'mixscope', version: '0.1.0' }, runtime: { node: '20.20.0' },
      os: { platform: 'linux', arch: 'x64' }, cpu: { model: 'Synthetic CPU', cores: 2 }, memory: { totalBytes: 2 ** 33 },
      backends: [{ id: backend, available: true, host: 'node', dtypes: ['float32', 'float64'] }], host: 'node (cli)',
    },
    settings: { ...QUICK_SWEEP_SETTINGS, backends: [backend], lengths: [...lengths] },
    points, fits: [], crossovers: [],
  };
}

export function syntheticRun(spec: SyntheticRun): RunRecord {
  return parseRunRecord(syntheticRunJson(spec));
}
