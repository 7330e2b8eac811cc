/**
 * The per-device choice between the sequential and the parallel scan across L (scan-config.ts),
 * made on SSD's scan form, whose kernel is the one the SSM and Hydra scans share: each
 * configuration is first checked against the float64 reference at lengths that are not multiples
 * of the blocks (an incorrect one is never picked, whatever its speed), then both are timed at one
 * length, median of interleaved rounds, and the faster correct one is kept. Runs at calibration.
 */
import type { PreparedKernel, PrepareRequest } from '../../engine/core/backend.js';
import { createRng } from '../../engine/core/random.js';
import { relativeError } from '../../engine/core/tensor.js';
import { resolveParams } from '../../engine/core/validate.js';
import { ssd } from '../../engine/mixers/ssd/index.js';
import { getForm } from '../../engine/registry.js';
import { DEFAULT_SCAN, SCAN_CONFIGS, scanLabel, type ScanConfig } from './scan-config.js';

export interface ScanCandidate {
  readonly config: ScanConfig;
  readonly label: string;
  /** Median time at the tuning length, ms (interleaved rounds); absent when the check failed. */
  readonly ms?: number;
  /** Largest relative error against float64 over the check lengths. */
  readonly error: number;
  readonly rejected?: string;
}

export interface ScanTuning {
  readonly config: ScanConfig;
  readonly label: string;
  /** The SSD scan shape the candidates were timed at. */
  readonly shape: { readonly L: number; readonly N: number; readonly P: number };
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
}

/** Prepares one point with the given scan configuration (the backend's prepare, configuration swapped in). */
export type PrepareWithScan = (config: ScanConfig, request: PrepareRequest) => Promise<PreparedKernel>;

const scanForm = getForm(ssd, 'scan');

function request(L: number, N: number, P: number): PrepareRequest {
  const params = resolveParams(ssd, {});
  const inputs = ssd.randomInputs({ L, N, P }, createRng(4000 + L), params);
  return { mixer: ssd, form: scanForm, inputs, params, dtype: 'float32' };
}

async function check(prepare: PrepareWithScan, config: ScanConfig, lengths: readonly number[]): Promise<number> {
  let worst = 0;
  for (const L of lengths) {
    const req = request(L, 12, 10);
    const kernel = await prepare(config, req);
    try {
      const { output } = await kernel.read();
      const error = relativeError(output, ssd.reference(req.inputs, req.params)).relative;
      worst = Number.isNaN(error) ? Infinity : Math.max(worst, error);
    } finally {
      kernel.release();
    }
  }
  return worst;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export async function autotuneScan(prepare: PrepareWithScan, options: ScanTuneOptions = {}): Promise<ScanTuning> {
  const tolerance = options.tolerance ?? 1e-4;
  const shape = { L: options.L ?? 1024, N: options.N ?? 16, P: options.P ?? 16 };
  const order = options.configs ?? SCAN_CONFIGS;
  const candidates: ScanCandidate[] = [];
  const racing: { config: ScanConfig; error: number; kernel: PreparedKernel; ms: number[] }[] = [];
  try {
    const timedRequest = request(shape.L, shape.N, shape.P);
    for (const config of order) {
      const error = await check(prepare, config, options.checkLengths ?? [37, 130]);
      if (error <= tolerance) racing.push({ config, error, kernel: await prepare(config, timedRequest), ms: [] });
      else candidates.push({ config, label: scanLabel(config), error, rejected: `relative error ${error.toExponential(2)} > ${tolerance}` });
    }
    // Interleaved rounds, so that a disturbance of a shared device hits every configuration alike.
    const budget = (options.minTimeMs ?? 50) * racing.length;
    let spent = 0;
    for (let round = 0; round < 30 && (round < 5 || spent < budget); round++) {
      for (const r of racing) {
        const { wallMs, gpuMs } = await r.kernel.run();
        r.ms.push(gpuMs ?? wallMs);
        spent += wallMs;
      }
    }
  } finally {
    for (const r of racing) r.kernel.release();
  }
  for (const r of racing) candidates.push({ config: r.config, label: scanLabel(r.config), error: r.error, ms: median(r.ms) });
  candidates.sort((a, b) => order.indexOf(a.config) - order.indexOf(b.config));
  const timed = candidates.filter((c) => c.ms !== undefined);
  const best = timed.reduce<ScanCandidate | undefined>((a, c) => (a === undefined || c.ms! < a.ms! ? c : a), undefined);
  const fallback = timed.find((c) => c.config.mode === DEFAULT_SCAN.mode);
  const config = best?.config ?? DEFAULT_SCAN;
  return { config, label: scanLabel(config), shape, candidates, speedupOverDefault: best && fallback ? best.ms! / fallback.ms! : 1 };
}
