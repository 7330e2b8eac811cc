/**
 * The per-device choice between the sequential and the parallel scans across L (scan-config.ts),
 * one choice for every form that has both, made on one point of each kind of scan: SSD's scan
 * (whose kernel the SSM and Hydra scans share), the chunked forms' pass across chunks (retention,
 * with decay, and linear attention, with its denominator) and the SSM's materialized matrix. Each
 * configuration is first checked against the float64 reference on every kind at lengths that are
 * not multiples of the blocks (an incorrect one is never picked, whatever its speed), then timed on
 * every kind, median of interleaved rounds; the configuration with the least geometric mean of its
 * medians (each kind counting alike, however long it runs) is kept. Runs at calibration.
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
import { DEFAULT_SCAN, SCAN_CONFIGS, scanLabel, type ScanConfig } from './scan-config.js';

export interface ScanCandidate {
  readonly config: ScanConfig;
  readonly label: string;
  /** Median time at the tuning length, ms (interleaved rounds); absent when the check failed. */
  readonly ms?: number;
  /** Largest relative error against float64 over the check lengths and kinds. */
  readonly error: number;
  readonly rejected?: string;
  /** Median time per kind (`mixer/form`), ms; `ms` is their geometric mean. */
  readonly medians?: Readonly<Record<string, number>>;
}

/** One kind of scan the choice is made on: a form, its sweep shape when timed, its parameters. */
export interface ScanProbe {
  readonly mixer: Mixer;
  readonly form: string;
  /** The timed shape: L, d (SSD's N, the SSM's channels D), dv (SSD's P), state (the SSM's r). */
  readonly timed: { readonly L: number; readonly d: number; readonly dv: number; readonly state: number };
  readonly params?: Readonly<Record<string, number | string>>;
}

/** Short enough for every calibration; the SSM's matrix is L² per channel, so it is timed shorter. */
export const SCAN_PROBES: readonly ScanProbe[] = [
  { mixer: ssd, form: 'scan', timed: { L: 1024, d: 16, dv: 16, state: 16 } },
  { mixer: retention, form: 'chunked', timed: { L: 1024, d: 16, dv: 16, state: 16 }, params: { chunk: 32 } },
  { mixer: linearAttention, form: 'chunked', timed: { L: 1024, d: 16, dv: 16, state: 16 }, params: { chunk: 32 } },
  { mixer: ssm, form: 'materialized', timed: { L: 256, d: 4, dv: 4, state: 16 } },
];

const probeId = (probe: ScanProbe): string => `${probe.mixer.id}/${probe.form}`;

export interface ScanTuning {
  readonly config: ScanConfig;
  readonly label: string;
  /** The SSD scan shape the candidates were timed at. */
  readonly shape: { readonly L: number; readonly N: number; readonly P: number };
  /** Every kind the candidates were checked and timed on (`mixer/form`). */
  readonly kinds: readonly string[];
  readonly candidates: readonly ScanCandidate[];
  /** Chosen time ÷ default time (≤ 1). */
  readonly speedupOverDefault: number;
}

export interface ScanTuneOptions {
  readonly tolerance?: number;
  readonly checkLengths?: readonly number[];
  /** The timed shape (default L = 1024, N = P = 16: 256 state elements, so the device is not full; short, as it runs at every calibration). */
  readonly L?: number;
  readonly N?: number;
  readonly P?: number;
  /** Measured time per configuration, ms (default 50; at least 5 interleaved rounds, at most 30). */
  readonly minTimeMs?: number;
  readonly configs?: readonly ScanConfig[];
  /** The kinds of scan (default SCAN_PROBES); SSD's scan takes L, N and P above. */
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

async function check(prepare: PrepareWithScan, config: ScanConfig, probes: readonly ScanProbe[], lengths: readonly number[]): Promise<number> {
  let worst = 0;
  for (const probe of probes) {
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
  }
  return worst;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const geometricMean = (values: readonly number[]): number => Math.exp(values.reduce((n, v) => n + Math.log(v), 0) / values.length);

export async function autotuneScan(prepare: PrepareWithScan, options: ScanTuneOptions = {}): Promise<ScanTuning> {
  const tolerance = options.tolerance ?? 1e-4;
  const shape = { L: options.L ?? 1024, N: options.N ?? 16, P: options.P ?? 16 };
  const probes = (options.probes ?? SCAN_PROBES).map((p) => (p.mixer === ssd && p.form === 'scan' ? { ...p, timed: { ...p.timed, L: shape.L, d: shape.N, dv: shape.P } } : p));
  const order = options.configs ?? SCAN_CONFIGS;
  const candidates: ScanCandidate[] = [];
  const racing: { config: ScanConfig; error: number; kernels: PreparedKernel[]; ms: number[][] }[] = [];
  try {
    const timedRequests = probes.map((p, i) => request(p, p.timed, 4000 + i));
    for (const config of order) {
      const error = await check(prepare, config, probes, options.checkLengths ?? [37, 130]);
      if (error > tolerance) {
        candidates.push({ config, label: scanLabel(config), error, rejected: `relative error ${error.toExponential(2)} > ${tolerance}` });
        continue;
      }
      const entry = { config, error, kernels: [] as PreparedKernel[], ms: probes.map(() => [] as number[]) };
      racing.push(entry);
      for (const req of timedRequests) entry.kernels.push(await prepare(config, req));
    }
    // Interleaved rounds, so that a disturbance of a shared device hits every configuration alike.
    const budget = (options.minTimeMs ?? 50) * racing.length * probes.length;
    let spent = 0;
    for (let round = 0; round < 30 && (round < 5 || spent < budget); round++) {
      for (const r of racing) {
        for (const [i, kernel] of r.kernels.entries()) {
          const { wallMs, gpuMs } = await kernel.run();
          r.ms[i]!.push(gpuMs ?? wallMs);
          spent += wallMs;
        }
      }
    }
  } finally {
    for (const r of racing) for (const kernel of r.kernels) kernel.release();
  }
  for (const r of racing) {
    const medians = r.ms.map(median);
    const byKind = Object.fromEntries(probes.map((p, i) => [probeId(p), medians[i]!]));
    candidates.push({ config: r.config, label: scanLabel(r.config), error: r.error, ms: geometricMean(medians), medians: byKind });
  }
  candidates.sort((a, b) => order.indexOf(a.config) - order.indexOf(b.config));
  const timed = candidates.filter((c) => c.ms !== undefined);
  const best = timed.reduce<ScanCandidate | undefined>((a, c) => (a === undefined || c.ms! < a.ms! ? c : a), undefined);
  const fallback = timed.find((c) => c.config.mode === DEFAULT_SCAN.mode);
  const config = best?.config ?? DEFAULT_SCAN;
  const kinds = probes.map(probeId);
  return { config, label: scanLabel(config), shape, kinds, candidates, speedupOverDefault: best && fallback ? best.ms! / fallback.ms! : 1 };
}
