/**
 * What a sweep measures and how: the one settings object the CLI, the app and the run record share.
 * The zod schema is the runtime check (settings cross process boundaries and are read back from
 * files); `SweepSettings` is derived from it so the type and the check cannot drift.
 */
import { z } from 'zod';
import { BACKEND_IDS } from '../core/backend.js';

const positiveInt = z.number().int().positive();
const paramValue = z.union([z.number(), z.string()]);

export const sweepSettingsSchema = z.object({
  /** Sequence lengths L, ascending. */
  lengths: z.array(positiveInt).min(1),
  /** Key/query width d (`d_k`). */
  d: positiveInt,
  /** Value width d_v. */
  dv: positiveInt,
  /** State size r of the `ssm` mixer and N of `ssd`/`hydra` (MIXERS.md §5, §6). */
  state: positiveInt,
  /** Heads H and batch B are outer loops: each sample runs the mixer B·H times on independent inputs. */
  heads: positiveInt,
  batch: positiveInt,
  /** 'float16' added in run record v6: only the wgsl backend on an adapter with shader-f16 runs it. */
  dtype: z.enum(['float64', 'float32', 'float16']),
  /** Untimed runs after the first (compile) call. */
  warmup: z.number().int().min(0),
  /** Timed samples at least; more are taken until their sum reaches `minTimeMs`. */
  repetitions: positiveInt,
  minTimeMs: z.number().min(0),
  /** Longest one sample (B·H runs) may take; predicted from the cost model before running. */
  timeBudgetMs: z.number().positive(),
  /** Most bytes one point may hold live (cost-model peak × B·H). */
  memoryBudgetBytes: z.number().positive(),
  seed: z.number().int(),
  /** Mixer ids, in the order they run; empty means every registered mixer. */
  mixers: z.array(z.string()),
  /** Per mixer id, the forms to run; a mixer absent here runs all of its forms. */
  forms: z.record(z.string(), z.array(z.string())),
  /** Per mixer id, parameter overrides (strings are parsed by the mixer's ParamSpec). */
  params: z.record(z.string(), z.record(z.string(), paramValue)),
  backends: z.array(z.enum(BACKEND_IDS)).min(1),
  /** Compare every ok point's output with the float64 reference. */
  verify: z.boolean(),
  /** Added in v1. Measure each backend's roofline before the sweep (absent means yes). */
  calibrate: z.boolean().optional(),
  /**
   * Added in v3. Sampling stops once the 95% CI of the median is within ±ciTarget of it (relative),
   * or the point has spent `pointTimeCapMs` sampling. Absent: 0.02 and 2000 ms.
   */
  ciTarget: z.number().positive().max(1).optional(),
  pointTimeCapMs: z.number().positive().optional(),
  /**
   * Added in v3. 'interleaved': after a first visit in plan order, points that need more samples are
   * revisited in seeded random order, so drift and bursts of load do not line up with L.
   * 'in-order': each point sampled to its end in one visit (absent: interleaved).
   */
  order: z.enum(['interleaved', 'in-order']).optional(),
});

export type SweepSettings = z.infer<typeof sweepSettingsSchema>;

/** Powers of two from 2^lo to 2^hi. */
export function powersOfTwo(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) out.push(2 ** k);
  return out;
}

export const DEFAULT_SWEEP_SETTINGS: SweepSettings = {
  lengths: powersOfTwo(7, 14),
  d: 64,
  dv: 64,
  state: 16,
  heads: 1,
  batch: 1,
  dtype: 'float32',
  warmup: 2,
  repetitions: 5,
  minTimeMs: 50,
  timeBudgetMs: 5_000,
  memoryBudgetBytes: 2 * 1024 ** 3,
  seed: 1,
  mixers: [],
  forms: {},
  params: {},
  backends: ['js'],
  verify: true,
  ciTarget: 0.02,
  pointTimeCapMs: 2_000,
  order: 'interleaved',
};

/** The quick preset: short lengths and few samples, for a first look in under a minute or two. */
export const QUICK_SWEEP_SETTINGS: SweepSettings = {
  ...DEFAULT_SWEEP_SETTINGS,
  lengths: powersOfTwo(7, 11),
  warmup: 1,
  repetitions: 3,
  minTimeMs: 20,
  timeBudgetMs: 2_000,
  pointTimeCapMs: 250,
};
