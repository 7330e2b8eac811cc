/**
 * Run record, part 1: where a run was measured (STYLE.md: a run record carries the environment).
 * Every field was added in v1 unless its comment says otherwise. Fields a host cannot know (a page
 * has no OS release) are optional rather than faked.
 */
import { z } from 'zod';
import { BACKEND_IDS } from '../core/backend.js';

/** 'float16' added in v6 (the WGSL forms on an adapter with shader-f16). */
const dtype = z.enum(['float64', 'float32', 'float16']);

/** Added in v1. Mirrors core/backend.ts AdapterInfo. */
export const adapterSchema = z.object({
  vendor: z.string(),
  architecture: z.string(),
  device: z.string(),
  description: z.string(),
  /** True for software rasterizers (SwiftShader, llvmpipe): correct, never a speed claim. */
  software: z.boolean(),
});

/** Added in v1. Mirrors core/backend.ts BackendProbe: what each backend said about itself. */
export const backendProbeSchema = z.object({
  id: z.enum(BACKEND_IDS),
  available: z.boolean(),
  reason: z.string().optional(),
  host: z.string(),
  adapter: adapterSchema.optional(),
  limits: z.record(z.string(), z.number()).optional(),
  features: z.array(z.string()).optional(),
  dtypes: z.array(dtype),
});

/** Added in v1. */
export const environmentSchema = z.object({
  app: z.object({ name: z.string(), version: z.string() }),
  /** Runtime versions by name: node, v8, electron, chrome, tsx... */
  runtime: z.record(z.string(), z.string()),
  os: z.object({
    platform: z.string(),
    release: z.string().optional(),
    arch: z.string(),
  }),
  cpu: z.object({
    model: z.string(),
    cores: z.number().int().nonnegative(),
    /** Nominal clock in MHz where the OS reports one. */
    speedMHz: z.number().optional(),
  }),
  memory: z.object({ totalBytes: z.number().nonnegative(), freeBytes: z.number().nonnegative().optional() }),
  backends: z.array(backendProbeSchema),
  /** Where the sweep ran: 'node (cli)', 'electron main', 'page (Chromium)'. */
  host: z.string(),
  hostname: z.string().optional(),
});

/**
 * Added in v1. What one backend reaches at best, measured on this machine just before the sweep:
 * the roofline that each point's achieved rate is divided by.
 */
export const calibrationSchema = z.object({
  backend: z.enum(BACKEND_IDS),
  dtype,
  /** Best dense matmul rate, GFLOP/s. */
  peakMatmulGflops: z.number().positive(),
  /** Best large-array copy rate, GB/s (bytes read + written). */
  copyGBs: z.number().positive(),
  /** Added in v3. The matmul kernel measured (for js: the one its forms run) and on how many threads. */
  kernel: z.string().optional(),
  threads: z.number().int().positive().optional(),
  /**
   * Added in v3. False when a point of the run went faster than this roof: the roof was not the
   * backend's best, so no roofline fraction of the run is printed. Absent: not checked (v1–v2).
   */
  valid: z.boolean().optional(),
  invalidReason: z.string().optional(),
  /**
   * Added in v7. The same probe measured again when the sweep had run to completion: whether the
   * machine still ran at the speed it was calibrated at. Absent: not measured (see `endSkipped`;
   * every v1–v6 record).
   */
  end: z.object({ peakMatmulGflops: z.number().positive(), copyGBs: z.number().positive() }).optional(),
  /** Added in v7. end.peakMatmulGflops ÷ peakMatmulGflops − 1: −0.34 means the matmul ran 34% slower at the end. */
  drift: z.number().optional(),
  /** Added in v7. Why there is no end probe: the run was cancelled, or the backend's calibration is not re-measured. */
  endSkipped: z.string().optional(),
});

export type AdapterRecord = z.infer<typeof adapterSchema>;
export type BackendProbeRecord = z.infer<typeof backendProbeSchema>;
export type Environment = z.infer<typeof environmentSchema>;
export type Calibration = z.infer<typeof calibrationSchema>;
