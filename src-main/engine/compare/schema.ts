/**
 * The mixscope comparison (`format: 'mixscope-comparison'`): what `compareRuns` concludes from two
 * or more run records, one of them the baseline. Like the run record, this module IS the format's
 * spec: every field, its unit and the version it was added in. Fields are only ever added.
 *
 * Ratios are other / baseline: above 1 the other run is slower, below 1 it is faster.
 *
 * Version history
 * - v1: format, version, baseline, runs, options, environmentDiff, rows, unmatched, curves, summary.
 */
import { z } from 'zod';
import { BACKEND_IDS } from '../core/backend.js';

export const COMPARISON_FORMAT = 'mixscope-comparison';
export const COMPARISON_VERSION = 1;

const backend = z.enum(BACKEND_IDS);
/** 'float16' since run record v6, whose points it matches. */
const dtype = z.enum(['float64', 'float32', 'float16']);
const paramValue = z.union([z.number(), z.string()]);
const positive = z.number().positive();

/** Added in v1. Exactly one per row; see `rowSchema.verdict`. */
export const VERDICTS = ['faster', 'slower', 'same', 'insufficient', 'not-comparable'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** Added in v1. One backend of a run as its probe described it. */
export const runBackendSchema = z.object({
  id: backend,
  host: z.string(),
  /** The adapter's description (else vendor/architecture); null for CPU backends. */
  adapter: z.string().nullable(),
  software: z.boolean().nullable(),
});

/** Added in v1. A compared run: who it is and, in short, where it ran. */
export const runSummarySchema = z.object({
  /** The run record's id (the same record may appear twice when two of its backends are paired). */
  id: z.string(),
  /** Given by the caller (a file name) or derived from the environment. */
  label: z.string(),
  status: z.string(),
  startedAt: z.string(),
  points: z.number().int().nonnegative(),
  environment: z.object({
    appVersion: z.string(),
    os: z.string(),
    cpu: z.string(),
    cores: z.number().int().nonnegative(),
    memoryBytes: z.number().nonnegative(),
    host: z.string(),
    backends: z.array(runBackendSchema),
  }),
});

/** Added in v1. How backends are paired between the baseline and each other run. */
export const pairingSchema = z.union([
  /** Each backend against the same backend in the other run. */
  z.object({ mode: z.literal('same-backend') }),
  /** `baseline` in the baseline run against `other` in the other run (may be the same record). */
  z.object({ mode: z.literal('named'), baseline: backend, other: backend }),
]);

/** Added in v1. The options the comparison ran with, so it can be reproduced. */
export const comparisonOptionsSchema = z.object({
  /** Noise threshold: a CI inside [1 − t, 1 + t] is `same`. Default 0.05. */
  threshold: z.number().nonnegative(),
  pairing: pairingSchema,
  /** Seed of the bootstrap's random numbers: the same inputs and seed give the same CIs. */
  seed: z.number().int(),
  /** Bootstrap resamples per row. */
  resamples: z.number().int().positive(),
  /** CI level (0.95) and the q below which a difference counts (0.05). */
  confidence: z.number().gt(0).lt(1),
  alpha: z.number().gt(0).lt(1),
  /** Fewest samples on each side for a verdict other than `insufficient` (5). */
  minSamples: z.number().int().positive(),
});

/** Added in v1. One environment field that differs between the runs. */
export const environmentDiffSchema = z.object({
  /** Dotted path: `adapter[wgsl].description`, `app.version`, `settings.repetitions`, `cpu.model`. */
  field: z.string(),
  /** One entry per run, in `runs` order; null where the run has no such field. */
  values: z.array(z.object({ run: z.string(), value: z.string().nullable() })),
  /** informative: the difference being measured (another GPU); caveat: it muddies the ratios. */
  grade: z.enum(['informative', 'caveat']),
  why: z.string(),
});

/** Added in v1. One matched point of the baseline against one of another run. */
export const rowSchema = z.object({
  mixer: z.string(),
  form: z.string(),
  /** The mixer's parameter overrides in the run's settings (empty: the defaults). */
  params: z.record(z.string(), paramValue),
  dims: z.record(z.string(), z.number()),
  batch: z.number().int().positive(),
  heads: z.number().int().positive(),
  dtype,
  L: z.number().int().positive(),
  baselineBackend: backend,
  otherBackend: backend,
  /** Run id of the other side, and its index in `runs` (ids repeat when one record is paired with itself). */
  otherRun: z.string(),
  otherRunIndex: z.number().int().nonnegative(),
  /** Median wall time of each side, ms; null when the side has no samples. */
  baselineMs: z.number().nonnegative().nullable(),
  otherMs: z.number().nonnegative().nullable(),
  baselineSamples: z.number().int().nonnegative(),
  otherSamples: z.number().int().nonnegative(),
  /** otherMs / baselineMs. */
  ratio: positive.nullable(),
  /** Bootstrap CI of the ratio of medians at `options.confidence`. */
  ci: z.tuple([positive, positive]).nullable(),
  /** Two-sided Mann–Whitney U p-value of the two sample sets. */
  p: z.number().min(0).max(1).nullable(),
  /** Benjamini–Hochberg q-value over every row that has a p. */
  q: z.number().min(0).max(1).nullable(),
  /**
   * faster/slower: CI outside the threshold band and q < alpha; same: CI inside the band or
   * q ≥ alpha; insufficient: under minSamples on a side; not-comparable: a side not ok or failing
   * verification (`reason` says which).
   */
  verdict: z.enum(VERDICTS),
  reason: z.string().optional(),
  /** other / baseline allocated bytes (else cost-model peak); null when either is unknown or 0. */
  memoryRatio: positive.nullable(),
  baselineRooflineFraction: z.number().nonnegative().nullable(),
  otherRooflineFraction: z.number().nonnegative().nullable(),
});

/** Added in v1. A point of one side with no partner on the other, listed rather than dropped. */
export const unmatchedSchema = z.object({
  run: z.string(),
  runIndex: z.number().int().nonnegative(),
  mixer: z.string(),
  form: z.string(),
  backend,
  L: z.number().int().positive(),
  dims: z.record(z.string(), z.number()),
  status: z.string(),
  why: z.string(),
});

/** Added in v1. Where one curve stopped: the largest ok L, and what happened after it. */
export const frontierSchema = z.object({
  maxL: z.number().int().positive().nullable(),
  /** 'end-of-range' when the largest planned L was measured; else the status of the first point past maxL. */
  stoppedBy: z.string(),
  reason: z.string().nullable(),
});

/** Added in v1. One (mixer, form) curve of the baseline against its partner in another run. */
export const curveShiftSchema = z.object({
  mixer: z.string(),
  form: z.string(),
  baselineBackend: backend,
  otherBackend: backend,
  otherRun: z.string(),
  otherRunIndex: z.number().int().nonnegative(),
  /** Log-log scaling exponent over all ok points (stats/fit), and over the upper half of L. */
  baselineExponent: z.number().nullable(),
  otherExponent: z.number().nullable(),
  /** other − baseline. */
  exponentShift: z.number().nullable(),
  baselineTailExponent: z.number().nullable(),
  otherTailExponent: z.number().nullable(),
  baseline: frontierSchema,
  other: frontierSchema,
});

const crossoverSideSchema = z.object({
  status: z.enum(['crosses', 'always', 'never', 'absent']),
  L: positive.nullable(),
});

/** Added in v1. Where two curves cross in the baseline and in another run. */
export const crossoverShiftSchema = z.object({
  a: z.object({ mixer: z.string(), form: z.string() }),
  b: z.object({ mixer: z.string(), form: z.string() }),
  baselineBackend: backend,
  otherBackend: backend,
  otherRun: z.string(),
  otherRunIndex: z.number().int().nonnegative(),
  /** Status of "a overtakes b" (stats/crossover) in each run; absent: too few common lengths. */
  baseline: crossoverSideSchema,
  other: crossoverSideSchema,
  change: z.enum(['moved', 'appeared', 'vanished', 'unchanged', 'none']),
  /** otherL / baselineL when both cross. */
  shift: positive.nullable(),
});

const geomeanSchema = z.object({ geomean: positive.nullable(), rows: z.number().int().nonnegative() });

/** Added in v1. Geometric means of `ratio` over the rows that have one. */
export const summarySchema = z.object({
  counts: z.record(z.enum(VERDICTS), z.number().int().nonnegative()),
  geomean: positive.nullable(),
  byRun: z.array(geomeanSchema.extend({ run: z.string(), runIndex: z.number().int().nonnegative() })),
  /** Per other run (run, runIndex), per mixer and per (mixer, form). */
  byMixer: z.array(geomeanSchema.extend({ run: z.string(), runIndex: z.number().int().nonnegative(), mixer: z.string() })),
  byForm: z.array(geomeanSchema.extend({ run: z.string(), runIndex: z.number().int().nonnegative(), mixer: z.string(), form: z.string() })),
  /**
   * Index into `rows` of the lowest and the highest ratio (other fastest / slowest), among rows
   * with a verdict of faster, slower or same when there are any, else among every row with a ratio.
   */
  best: z.object({ row: z.number().int().nonnegative(), ratio: positive }).nullable(),
  worst: z.object({ row: z.number().int().nonnegative(), ratio: positive }).nullable(),
});

export const comparisonSchema = z.object({
  format: z.literal(COMPARISON_FORMAT),
  version: z.literal(COMPARISON_VERSION),
  /** Run id of the baseline (runs[0]). */
  baseline: z.string(),
  runs: z.array(runSummarySchema).min(1),
  options: comparisonOptionsSchema,
  environmentDiff: z.array(environmentDiffSchema),
  rows: z.array(rowSchema),
  unmatched: z.array(unmatchedSchema),
  curves: z.object({ series: z.array(curveShiftSchema), crossovers: z.array(crossoverShiftSchema) }),
  summary: summarySchema,
});

export type RunSummary = z.infer<typeof runSummarySchema>;
export type Pairing = z.infer<typeof pairingSchema>;
export type ComparisonOptions = z.infer<typeof comparisonOptionsSchema>;
export type EnvironmentDiff = z.infer<typeof environmentDiffSchema>;
export type ComparisonRow = z.infer<typeof rowSchema>;
export type UnmatchedPoint = z.infer<typeof unmatchedSchema>;
export type Frontier = z.infer<typeof frontierSchema>;
export type CurveShift = z.infer<typeof curveShiftSchema>;
export type CrossoverShift = z.infer<typeof crossoverShiftSchema>;
export type ComparisonSummary = z.infer<typeof summarySchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
