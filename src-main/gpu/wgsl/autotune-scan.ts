/**
 * The per-device choice between the sequential and the parallel scans across L (scan-config.ts),
 * made apart for each kind of scan (plan.ts: ScanKind), since they win or lose apart: 'state' on
 * SSD's scan (whose kernels the SSM and Hydra scans and SSD's chunk carry share), 'chunks' on
 * retention's (with decay) and linear attention's (with its denominator) chunked forms, 'matrix' on
 * the SSM's materialized form. Each configuration is first checked against the float64 reference
 * on each form at lengths that are not multiples of the blocks (an incorrect one is never picked
 * for that kind, whatever its speed), then timed on each, median of interleaved rounds; per kind
 * the configuration with the least geometric mean of its forms' medians is kept. Runs at calibration.
 */
import type { PreparedKernel, PrepareRequest } from '../../engine/core/backend.js';
import type { Mixer } from '../../engine/core/mixer.js';
import { createRng } from '../../engine/core/random.js';
import { relativeError } from '../../engine/core/tensor.js';
import { resolveParams } from '../../engine/core/validate.js';
import { linearAttention } from '../../engine/mixers/linear-attention/index.js';
import { retention } from '../../engine/mixers/retention/index.js';
import { ssd } from '../../engine/mixers/ssd/index.js';
import { ssm } from '../../engine/mixers/ssm/index.js';
import { getForm } from '../../engine/registry.js';
import { percentile } from '../../engine/stats/summary.js';
import { DEFAULT_SCAN, SCAN_CONFIGS, SCAN_KINDS, scanLabel, type ScanConfig, type ScanKind } from './scan-config.js';

export interface ScanCandidate {
  readonly config: ScanConfig;
  readonly label: string;
  /** Geometric mean of the medians of the forms timed (ms, interleaved rounds); absent when a check failed. */
  readonly ms?: number;
  /** Largest relative error against float64 over the check lengths and forms. */
  readonly error: number;
  readonly rejected?: string;
  /** Median time per form (`mixer/form`), ms. */
  readonly medians?: Readonly<Record<string, number>>;
}

/** One kind's choice: its candidates over its own forms, the fastest correct kept. */
export interface ScanKindTuning {
  readonly kind: ScanKind;
  readonly config: ScanConfig;
  readonly candidates: readonly ScanCandidate[];
  /** Chosen time ÷ default time (≤ 1). */
  readonly speedupOverDefault: number;
}

/** One form the choice is made on: its kind, its sweep shape when timed, its parameters. */
export interface ScanProbe {
  readonly kind: ScanKind;
  readonly mixer: Mixer;
  readonly form: string;
  /** The timed shape: L, d (SSD's N, the SSM's channels D), dv (SSD's P), state (the SSM's r). */
  readonly timed: { readonly L: number; readonly d: number; readonly dv: number; readonly state: number };
  readonly params?: Readonly<Record<string, number | string>>;
}

/** Short enough for every calibration; the SSM's matrix is L² per channel, so it is timed shorter. */
export const SCAN_PROBES: readonly ScanProbe[] = [
  { kind: 'state', mixer: ssd, form: 'scan', timed: { L: 1024, d: 16, dv: 16, state: 16 } },
  { kind: 'chunks', mixer: retention, form: 'chunked', timed: { L: 1024, d: 16, dv: 16, state: 16 }, params: { chunk: 32 } },
  { kind: 'chunks', mixer: linearAttention, form: 'chunked', timed: { L: 1024, d: 16, dv: 16, state: 16 }, params: { chunk: 32 } },
  { kind: 'matrix', mixer: ssm, form: 'materialized', timed: { L: 256, d: 4, dv: 4, state: 16 } },
];

const probeId = (probe: ScanProbe): string => `${probe.mixer.id}/${probe.form}`;

export interface ScanTuning {
  /** The 'state' kind's choice (the SSM/SSD/Hydra scans). */
  readonly config: ScanConfig;
  readonly label: string;
  /** Every kind's choice; a kind without a probe keeps the default. */
  readonly byKind: Readonly<Record<ScanKind, ScanConfig>>;
  readonly kinds: readonly ScanKindTuning[];
  /** The SSD scan shape the 'state' kind was timed at. */
  readonly shape: { readonly L: number; readonly N: number; readonly P: number };
  /** Every configuration over every form (`medians` per form). */
  readonly candidates: readonly ScanCandidate[];
  /** The 'state' kind's chosen time ÷ default time (≤ 1). */
  readonly speedupOverDefault: number;
}

export interface ScanTuneOptions {
  readonly tolerance?: number;
  readonly checkLengths?: readonly number[];
  /** The timed SSD scan shape (default L = 1024, N = P = 16: 256 state elements, so the device is not full). */
  readonly L?: number;
  readonly N?: number;
  readonly P?: number;
  /** Measured time per configuration and form, ms (default 50; at least 5 interleaved rounds, at most 30). */
  readonly minTimeMs?: number;
  readonly configs?: readonly ScanConfig[];
  /** The forms timed (default SCAN_PROBES); SSD's scan takes L, N and P above. */
  readonly probes?: readonly ScanProbe[];
}

/** Prepares one point with the given scan configuration (the backend's prepare, configuration swapped in). */
export type PrepareWithScan = (config: ScanConfig, request: PrepareRequest) => Promise<PreparedKernel>;

function request(probe: ScanProbe, shape: ScanProbe['timed'], seed: number): PrepareRequest {
  const params = resolveParams(probe.mixer, probe.params ?? {});
  const dims = probe.mixer.dims(shape, params);
  const inputs = probe.mixer.randomInputs(dims, createRng(seed), params);
  return { mixer: probe.mixer, form: getForm(probe.mixer, probe.form), inputs, params, dtype: 'float32' };
}

async function check(prepare: PrepareWithScan, config: ScanConfig, probe: ScanProbe, lengths: readonly number[]): Promise<number> {
  let worst = 0;
  for (const L of lengths) {
    const req = request(probe, { L, d: 12, dv: 10, state: 6 }, 4000 + L);
    const kernel = await prepare(config, req);
    try {
      const { output } = await kernel.read();
      const error = relativeError(output, probe.mixer.reference(req.inputs, req.params)).relative;
      worst = Number.isNaN(error) ? Infinity : Math.max(worst, error);
    } finally {
      kernel.release();
    }
  }
  return worst;
}


const geometricMean = (values: readonly number[]): number => Math.exp(values.reduce((n, v) => n + Math.log(v), 0) / values.length);

interface Racer {
  readonly config: ScanConfig;
  /** Per probe: its error, and its kernel and times where it passed the check. */
  readonly errors: number[];
  readonly kernels: (PreparedKernel | undefined)[];
  readonly ms: number[][];
}

/** A set of forms' candidates: each configuration rejected where any form failed its check, else timed by the geometric mean. */
function candidatesOver(racers: readonly Racer[], probes: readonly ScanProbe[], indices: readonly number[], tolerance: number): ScanCandidate[] {
  return racers.map((r) => {
    const error = Math.max(0, ...indices.map((i) => r.errors[i]!));
    const label = scanLabel(r.config);
    if (!(error <= tolerance)) return { config: r.config, label, error, rejected: `relative error ${error.toExponential(2)} > ${tolerance}` };
    const medians = indices.map((i) => percentile(r.ms[i]!, 50));
    return { config: r.config, label, error, ms: geometricMean(medians), medians: Object.fromEntries(indices.map((i, n) => [probeId(probes[i]!), medians[n]!])) };
  });
}

function choose(kind: ScanKind, candidates: readonly ScanCandidate[]): ScanKindTuning {
  const timed = candidates.filter((c) => c.ms !== undefined);
  const best = timed.reduce<ScanCandidate | undefined>((a, c) => (a === undefined || c.ms! < a.ms! ? c : a), undefined);
  const fallback = timed.find((c) => c.config.mode === DEFAULT_SCAN.mode);
  return { kind, config: best?.config ?? DEFAULT_SCAN, candidates, speedupOverDefault: best && fallback ? best.ms! / fallback.ms! : 1 };
}

export async function autotuneScan(prepare: PrepareWithScan, options: ScanTuneOptions = {}): Promise<ScanTuning> {
  const tolerance = options.tolerance ?? 1e-4;
  const shape = { L: options.L ?? 1024, N: options.N ?? 16, P: options.P ?? 16 };
  const probes = (options.probes ?? SCAN_PROBES).map((p) => (p.mixer === ssd && p.form === 'scan' ? { ...p, timed: { ...p.timed, L: shape.L, d: shape.N, dv: shape.P } } : p));
  const order = options.configs ?? SCAN_CONFIGS;
  const racers: Racer[] = order.map((config) => ({ config, errors: [], kernels: [], ms: probes.map(() => []) }));
  try {
    const timedRequests = probes.map((p, i) => request(p, p.timed, 4000 + i));
    for (const r of racers) {
      for (const [i, probe] of probes.entries()) {
        r.errors.push(await check(prepare, r.config, probe, options.checkLengths ?? [37, 130]));
        r.kernels.push(r.errors[i]! <= tolerance ? await prepare(r.config, timedRequests[i]!) : undefined);
      }
    }
    // Interleaved rounds, so that a disturbance of a shared device hits every configuration alike.
    const budget = (options.minTimeMs ?? 50) * racers.length * probes.length;
    let spent = 0;
    for (let round = 0; round < 30 && (round < 5 || spent < budget); round++) {
      for (const r of racers) {
        for (const [i, kernel] of r.kernels.entries()) {
          if (!kernel) continue;
          const { wallMs, gpuMs } = await kernel.run();
          r.ms[i]!.push(gpuMs ?? wallMs);
          spent += wallMs;
        }
      }
    }
  } finally {
    for (const r of racers) for (const kernel of r.kernels) kernel?.release();
  }
  const kinds = SCAN_KINDS.flatMap((kind) => {
    const indices = probes.flatMap((p, i) => (p.kind === kind ? [i] : []));
    return indices.length > 0 ? [choose(kind, candidatesOver(racers, probes, indices, tolerance))] : [];
  });
  const byKind = Object.fromEntries(SCAN_KINDS.map((kind) => [kind, kinds.find((k) => k.kind === kind)?.config ?? DEFAULT_SCAN])) as Record<ScanKind, ScanConfig>;
  const state = kinds.find((k) => k.kind === 'state');
  const candidates = candidatesOver(racers, probes, probes.map((_p, i) => i), tolerance);
  return { config: byKind.state, label: scanLabel(byKind.state), byKind, kinds, shape, candidates, speedupOverDefault: state?.speedupOverDefault ?? 1 };
}
