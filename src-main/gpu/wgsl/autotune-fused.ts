/**
 * The per-device choice of the fused softmax kernel's configuration (fused-config.ts): every
 * configuration the device's limits admit is first checked against the float64 reference at
 * shapes that are not multiples of its blocks, one of them wider than a value slab (an incorrect
 * one is never picked, whatever its speed), then the correct ones are timed at one shape (L grown
 * until the default's run is long enough to time well), median of interleaved rounds, and the
 * fastest is kept. Runs at calibration.
 */
import type { PreparedKernel, PrepareRequest } from '../../engine/core/backend.js';
import { createRng } from '../../engine/core/random.js';
import { relativeError } from '../../engine/core/tensor.js';
import { resolveParams } from '../../engine/core/validate.js';
import { softmaxAttention } from '../../engine/mixers/softmax-attention/index.js';
import { getForm } from '../../engine/registry.js';
import { percentile } from '../../engine/stats/summary.js';
import { DEFAULT_FUSED, FUSED_CONFIGS, fusedLabel, sameFused, type FusedConfig } from './fused-config.js';

export interface FusedCandidate {
  readonly config: FusedConfig;
  readonly label: string;
  /** Median time at the tuning shape, ms (interleaved rounds); absent when the check failed. */
  readonly ms?: number;
  /** Largest relative error against float64 over the check shapes. */
  readonly error: number;
  readonly rejected?: string;
}

export interface FusedTuning {
  readonly config: FusedConfig;
  readonly label: string;
  /** The shape the candidates were timed at. */
  readonly shape: { readonly L: number; readonly d: number; readonly dv: number };
  readonly candidates: readonly FusedCandidate[];
  /** Chosen time ÷ default time (≤ 1). */
  readonly speedupOverDefault: number;
}

export interface FusedTuneOptions {
  readonly tolerance?: number;
  /** The check shapes (default L = 37 and 130, the second with dv = 70, wider than a 64-column slab). */
  readonly checkShapes?: readonly { readonly L: number; readonly d: number; readonly dv: number }[];
  /** The timed length (default: grown ×2 from 512 until the default's run lasts minRunMs, at most maxL). */
  readonly L?: number;
  /** The timed width d = dv (default 64, a common head size). */
  readonly d?: number;
  /** The default configuration's run must last this long before L stops growing, ms (default 5). */
  readonly minRunMs?: number;
  /** Default 16384. */
  readonly maxL?: number;
  /** Measured time per configuration, ms (default 50; at least 5 interleaved rounds, at most 30). */
  readonly minTimeMs?: number;
  /** The candidates (default: every configuration; the caller passes those the device admits). */
  readonly configs?: readonly FusedConfig[];
}

/** Prepares one point with the given fused configuration (the backend's prepare, configuration swapped in). */
export type PrepareWithFused = (config: FusedConfig, request: PrepareRequest) => Promise<PreparedKernel>;

const fusedForm = getForm(softmaxAttention, 'fused');

function request(L: number, d: number, dv: number): PrepareRequest {
  const params = resolveParams(softmaxAttention, {});
  const dims = softmaxAttention.dims({ L, d, dv, state: 4 }, params);
  const inputs = softmaxAttention.randomInputs(dims, createRng(5000 + L), params);
  return { mixer: softmaxAttention, form: fusedForm, inputs, params, dtype: 'float32' };
}

async function check(prepare: PrepareWithFused, config: FusedConfig, shapes: NonNullable<FusedTuneOptions['checkShapes']>): Promise<number> {
  let worst = 0;
  for (const { L, d, dv } of shapes) {
    const req = request(L, d, dv);
    const kernel = await prepare(config, req);
    try {
      const { output } = await kernel.read();
      const error = relativeError(output, softmaxAttention.reference(req.inputs, req.params)).relative;
      worst = Number.isNaN(error) ? Infinity : Math.max(worst, error);
    } finally {
      kernel.release();
    }
  }
  return worst;
}


/** L grown (×2) from 512 until the default configuration's run lasts minRunMs, within maxL. */
async function tuningLength(prepare: PrepareWithFused, d: number, minRunMs: number, maxL: number): Promise<number> {
  for (let L = 512; ; L *= 2) {
    if (L * 2 > maxL) return L;
    const kernel = await prepare(DEFAULT_FUSED, request(L, d, d));
    try {
      const { wallMs, gpuMs } = await kernel.run();
      if ((gpuMs ?? wallMs) >= minRunMs) return L;
    } finally {
      kernel.release();
    }
  }
}

export async function autotuneFused(prepare: PrepareWithFused, options: FusedTuneOptions = {}): Promise<FusedTuning> {
  const tolerance = options.tolerance ?? 1e-4;
  const d = options.d ?? 64;
  const shape = { L: options.L ?? (await tuningLength(prepare, d, options.minRunMs ?? 5, options.maxL ?? 16384)), d, dv: d };
  const order = options.configs ?? FUSED_CONFIGS;
  const checkShapes = options.checkShapes ?? [{ L: 37, d: 12, dv: 10 }, { L: 130, d: 20, dv: 70 }];
  const candidates: FusedCandidate[] = [];
  const racing: { config: FusedConfig; error: number; kernel: PreparedKernel; ms: number[] }[] = [];
  try {
    const timedRequest = request(shape.L, shape.d, shape.dv);
    for (const config of order) {
      const error = await check(prepare, config, checkShapes);
      if (error <= tolerance) racing.push({ config, error, kernel: await prepare(config, timedRequest), ms: [] });
      else candidates.push({ config, label: fusedLabel(config), error, rejected: `relative error ${error.toExponential(2)} > ${tolerance}` });
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
  for (const r of racing) candidates.push({ config: r.config, label: fusedLabel(r.config), error: r.error, ms: percentile(r.ms, 50) });
  candidates.sort((a, b) => order.indexOf(a.config) - order.indexOf(b.config));
  const timed = candidates.filter((c) => c.ms !== undefined);
  const best = timed.reduce<FusedCandidate | undefined>((a, c) => (a === undefined || c.ms! < a.ms! ? c : a), undefined);
  const fallback = timed.find((c) => sameFused(c.config, DEFAULT_FUSED));
  const config = best?.config ?? DEFAULT_FUSED;
  return { config, label: fusedLabel(config), shape, candidates, speedupOverDefault: best && fallback ? best.ms! / fallback.ms! : 1 };
}
