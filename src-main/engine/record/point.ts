/**
 * Run record, part 2: one measured point (mixer × form × backend × L). Every field was added in v1
 * unless its comment says otherwise. Sizes are in bytes at the run's dtype; times in ms.
 * Non-finite numbers never reach JSON: where a value can be NaN (an output that held NaN) the
 * field is nullable and null means "not a number".
 */
import { z } from 'zod';
import { BACKEND_IDS } from '../core/backend.js';

const count = z.number().nonnegative();

export const POINT_STATUSES = [
  /** Measured. */
  'ok',
  /** Predicted or observed over the time or memory budget; `reason` says which. */
  'over-budget',
  /** Over the device's own limits (OverLimitError); `neededBytes`/`availableBytes` say by how much. */
  'over-limit',
  /** The device was lost during the point; the backend was reset and the sweep went on. */
  'device-lost',
  /**
   * Added in v4. The process hosting the kernel (a compute host, the app's compute window) died
   * during the point; `reason` says how. The host was restarted and the sweep went on.
   */
  'host-crashed',
  /** Any other error; `reason` holds its message. */
  'failed',
  /** Not run: the same form/backend was over budget at a smaller L. */
  'skipped',
  /** The backend cannot run this form at this dtype; `reason` says why. */
  'unsupported',
] as const;
export type PointStatus = (typeof POINT_STATUSES)[number];

/** Added in v1. Order statistics of one sample list (engine/stats). */
export const sampleStatsSchema = z.object({
  n: z.number().int().positive(),
  min: count,
  p10: count,
  p50: count,
  p90: count,
  max: count,
  mean: count,
  /** Coefficient of variation, stdev / mean. */
  cv: count,
  /** Interquartile range p75 − p25. */
  iqr: count,
  /** IQR above 10% of the median: the point is too noisy to trust alone. */
  noisy: z.boolean(),
});

/** Added in v1. The form's cost model (MIXERS.md, "Memory and bottleneck conventions"), in bytes. */
export const costRecordSchema = z.object({
  flops: count,
  movedBytes: count,
  peakBytes: count,
  buffers: z.array(z.object({ name: z.string(), bytes: count })),
  bottleneck: z.object({ name: z.string(), bytes: count }),
});

/** Added in v1. Output against the float64 reference: max |Y − Y_ref| and that over max |Y_ref|. */
export const errorRecordSchema = z.object({
  maxAbs: z.number().nonnegative().nullable(),
  relative: z.number().nonnegative().nullable(),
  tolerance: z.number().positive(),
  pass: z.boolean(),
});

/** Added in v1. Cost-model work over the median sample time. */
export const achievedSchema = z.object({
  gflops: count,
  gbps: count,
  tokensPerSecond: count,
});

/** Added in v3. A 95% confidence interval [lo, hi] (level 0.95). */
export const intervalSchema = z.object({ lo: z.number(), hi: z.number(), level: z.number().positive().max(1) });

export const SAMPLING_STOPS = [
  /**
   * The median's CI came within ±settings.ciTarget of the median, with two visits of three samples
   * or more, each visit's median within ±2·ciTarget of the pooled one (from 2026-12: earlier records
   * had the CI alone).
   */
  'ci-reached',
  /** The point's sampling time reached settings.pointTimeCapMs first. */
  'time-cap',
  /** MAX_SAMPLES samples were taken. */
  'max-samples',
  /** A sample ran over the per-sample time budget. */
  'over-budget',
  /** The sweep's refinement rounds ended (cancel, or every round spent) before either. */
  'rounds-spent',
] as const;

/**
 * Added in v3. How the samples of one point were taken and what their distribution looks like.
 * Nothing is dropped: outliers and modes are counted here, every sample stays in `samplesMs`.
 */
export const samplingSchema = z.object({
  /** Untimed runs before the first sample: until the last three agree (JIT tiers, caches) or a cap. */
  warmupRuns: z.number().int().nonnegative(),
  /** Times the interleaved schedule came back to this point to take more samples (1 = one visit). */
  visits: z.number().int().positive(),
  stop: z.enum(SAMPLING_STOPS),
  /** Target half-width of the median's CI, relative to the median (settings.ciTarget). */
  target: z.number().positive(),
  /** Distribution-free 95% CI of the median from order statistics; null under 6 samples. */
  medianCi: intervalSchema.nullable(),
  /** Samples beyond Tukey's far fences Q1 − 3·IQR, Q3 + 3·IQR (in ms): counted, kept. */
  outliers: z.object({ low: z.number().int().nonnegative(), high: z.number().int().nonnegative(), fences: z.tuple([z.number(), z.number()]) }),
  /** Clusters of the log samples, split at gaps much wider than their own spread; each center is a median in ms. */
  modes: z.array(z.object({ centerMs: count, count: z.number().int().positive() })),
  /** More than one mode: the median sits between populations (a JIT tier change, a frequency step, a burst of load). */
  multimodal: z.boolean(),
});

/**
 * Added in v5. The kernel configuration the point was compiled with, when the backend chooses one
 * (wgsl's register-blocked matmul tile: `params` microM, depth): picked by the per-device
 * autotuner at calibration ('autotuned'), reused from the per-adapter cache ('cached') or the
 * fixed default ('default'). Absent for backends and forms without a choice, and in v1–v4 records.
 */
export const kernelConfigSchema = z.object({
  kernel: z.string(),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  source: z.enum(['autotuned', 'cached', 'default']),
});

export const pointRecordSchema = z.object({
  mixer: z.string(),
  /** Form id; 'reference' for the reference backend, which times the mixer's float64 definition. */
  form: z.string(),
  backend: z.enum(BACKEND_IDS),
  /** Where the backend ran (BackendProbe.host). */
  host: z.string(),
  L: z.number().int().positive(),
  /** The mixer's named sizes at this L (L, d, dv, N, P, r...). */
  dims: z.record(z.string(), z.number()),
  batch: z.number().int().positive(),
  heads: z.number().int().positive(),
  /** 'float16' added in v6: f16 storage on the GPU, values read back exactly as Float32. */
  dtype: z.enum(['float64', 'float32', 'float16']),
  status: z.enum(POINT_STATUSES),
  reason: z.string().optional(),
  fidelity: z.enum(['exact', 'approximate']),
  fidelityNote: z.string().optional(),
  /** Wall time of each timed sample (B·H runs each), in order. */
  samplesMs: z.array(count),
  /** Device time of each sample from timestamp queries; empty when the backend has none. */
  gpuSamplesMs: z.array(count),
  stats: sampleStatsSchema.nullable(),
  gpuStats: sampleStatsSchema.nullable(),
  compileMs: count.nullable(),
  uploadMs: count.nullable(),
  readbackMs: count.nullable(),
  /** What the backend says it allocated, summed over B·H (the js backend reports its cost model). */
  allocatedBytes: count.nullable(),
  /** Per B·H total; null for the reference backend (no cost model for the definition). */
  cost: costRecordSchema.nullable(),
  error: errorRecordSchema.nullable(),
  /** Why `error` is null on an ok point: verification off, or the reference over the time budget. */
  verifyNote: z.string().optional(),
  achieved: achievedSchema.nullable(),
  /** Roofline time (max of flops/peak, bytes/bandwidth) over the median; needs a calibration. */
  rooflineFraction: z.number().nonnegative().nullable(),
  /**
   * Added in v3. The fraction this point would have had when it ran faster than the calibrated roof
   * (impossible for an honest roof): rooflineFraction is then null and the calibration is flagged invalid.
   */
  aboveRoof: z.number().positive().optional(),
  neededBytes: count.optional(),
  availableBytes: count.optional(),
  /** Added in v3. Absent in records of v1–v2 (fixed warm-up and sample counts). */
  sampling: samplingSchema.optional(),
  /** Added in v5. See kernelConfigSchema. */
  kernelConfig: kernelConfigSchema.optional(),
});

export type SampleStats = z.infer<typeof sampleStatsSchema>;
export type CostRecord = z.infer<typeof costRecordSchema>;
export type ErrorRecord = z.infer<typeof errorRecordSchema>;
export type Achieved = z.infer<typeof achievedSchema>;
export type PointRecord = z.infer<typeof pointRecordSchema>;
export type Interval = z.infer<typeof intervalSchema>;
export type Sampling = z.infer<typeof samplingSchema>;
export type KernelConfigRecord = z.infer<typeof kernelConfigSchema>;
export type SamplingStop = (typeof SAMPLING_STOPS)[number];
