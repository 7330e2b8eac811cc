/**
 * The per-device autotuner of the register-blocked tile: every configuration the device's limits
 * admit (matmul-config.ts) is first checked on the calibration matmul against float64 at sizes
 * that are not multiples of the tile (an incorrect one is never picked, whatever its speed), then
 * timed at one size (grown until the default configuration's run is long enough to time well),
 * median of interleaved rounds; the fastest correct configuration is kept. Runs at calibration.
 */
import { createRng } from '../../engine/core/random.js';
import { percentile } from '../../engine/stats/summary.js';
import { TimedDispatch } from './calibrate.js';
import { DEFAULT_MATMUL, matmulConfigsFor, matmulConstants, matmulLabel, type MatmulConfig } from './matmul-config.js';
import { float64Matmul, matmulGrid, matmulPipeline, relativeMaxError, runMatmul } from './matmul-run.js';
import type { PipelineCache } from './pipelines.js';

export interface TunedCandidate {
  readonly config: MatmulConfig;
  readonly label: string;
  /** Median time at the tuning size, ms (interleaved rounds); absent when the configuration failed its check. */
  readonly ms?: number;
  /** Largest relative error against float64 over the check sizes. */
  readonly error: number;
  readonly rejected?: string;
}

export interface MatmulTuning {
  readonly config: MatmulConfig;
  readonly label: string;
  /** The size the candidates were timed at (N×N·N×N). */
  readonly n: number;
  readonly clock: 'gpu' | 'wall';
  readonly candidates: readonly TunedCandidate[];
  /** Chosen time ÷ default time at the tuning size (≤ 1). */
  readonly speedupOverDefault: number;
}

export interface AutotuneOptions {
  /** Relative error a configuration may show against float64 (float32 accumulation). */
  readonly tolerance?: number;
  /** Sizes of the correctness check (not multiples of 64, so the bounds checks run). */
  readonly checkSizes?: readonly number[];
  /** The default configuration's run must last this long before the tuning size stops growing, ms. */
  readonly minRunMs?: number;
  /** Measured time per configuration once the size is fixed, ms (at least 5 interleaved rounds). */
  readonly minTimeMs?: number;
  readonly maxN?: number;
  /** The candidates (default: every configuration the device's limits admit). */
  readonly configs?: readonly MatmulConfig[];
}

async function check(device: GPUDevice, pipelines: PipelineCache, config: MatmulConfig, sizes: readonly number[]): Promise<number> {
  let worst = 0;
  for (const n of sizes) {
    const rng = createRng(1000 + n);
    const a = Float32Array.from({ length: n * n }, () => rng.uniform() * 2 - 1);
    const b = Float32Array.from({ length: n * n }, () => rng.uniform() * 2 - 1);
    const c = await runMatmul(device, pipelines, matmulConstants(config), a, b, n);
    worst = Math.max(worst, relativeMaxError(c, float64Matmul(a, b, n)));
  }
  return worst;
}


function timed(device: GPUDevice, pipeline: GPUComputePipeline, n: number): TimedDispatch {
  const buffer = () => device.createBuffer({ size: n * n * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST });
  return new TimedDispatch(device, pipeline, [buffer(), buffer(), buffer()], n, matmulGrid(n));
}

export async function autotuneMatmul(device: GPUDevice, pipelines: PipelineCache, options: AutotuneOptions = {}): Promise<MatmulTuning> {
  const tolerance = options.tolerance ?? 1e-4;
  const maxBytes = Math.min(device.limits.maxStorageBufferBindingSize, device.limits.maxBufferSize);
  const maxN = options.maxN ?? 2048;
  const minRunMs = options.minRunMs ?? 10;

  // The tuning size: grown from 128 (×2) until the default runs minRunMs, within maxN and memory.
  const defaultPipeline = await matmulPipeline(device, pipelines, matmulConstants(DEFAULT_MATMUL));
  let n = 128;
  for (;;) {
    const probe = timed(device, defaultPipeline, n);
    await probe.time();
    const { ms } = await probe.time();
    probe.destroy();
    if (ms >= minRunMs || n * 2 > maxN || (n * 2) ** 2 * 4 > maxBytes) break;
    n *= 2;
  }

  // Check every configuration, then time the correct ones in interleaved rounds (one run of each
  // per round), so that a disturbance of a shared or throttling device hits all of them alike.
  const order = options.configs ?? matmulConfigsFor(device.limits);
  const candidates: TunedCandidate[] = [];
  const racing: { config: MatmulConfig; label: string; error: number; kernel: TimedDispatch; ms: number[] }[] = [];
  let clock: 'gpu' | 'wall' = 'wall';
  try {
    for (const config of order) {
      const label = matmulLabel(config);
      const error = await check(device, pipelines, config, options.checkSizes ?? [37, 130]);
      if (error <= tolerance) {
        const kernel = timed(device, await matmulPipeline(device, pipelines, matmulConstants(config)), n);
        await kernel.time();
        clock = kernel.clock;
        racing.push({ config, label, error, kernel, ms: [] });
      } else {
        candidates.push({ config, label, error, rejected: `relative error ${error.toExponential(2)} > ${tolerance}` });
      }
    }
    const budget = (options.minTimeMs ?? 100) * racing.length;
    let spent = 0;
    for (let round = 0; round < 50 && (round < 5 || spent < budget); round++) {
      for (const r of racing) {
        const { ms, wallMs } = await r.kernel.time();
        r.ms.push(ms);
        spent += wallMs;
      }
    }
  } finally {
    for (const r of racing) r.kernel.destroy();
  }
  for (const r of racing) candidates.push({ config: r.config, label: r.label, error: r.error, ms: percentile(r.ms, 50) });
  candidates.sort((a, b) => order.indexOf(a.config) - order.indexOf(b.config));
  const timedOk = candidates.filter((c) => c.ms !== undefined);
  const best = timedOk.reduce<TunedCandidate | undefined>((a, c) => (a === undefined || c.ms! < a.ms! ? c : a), undefined);
  const fallback = timedOk.find((c) => c.config.microM === DEFAULT_MATMUL.microM && c.config.depth === DEFAULT_MATMUL.depth);
  const config = best?.config ?? DEFAULT_MATMUL;
  return {
    config,
    label: matmulLabel(config),
    n,
    clock,
    candidates,
    speedupOverDefault: best && fallback ? best.ms! / fallback.ms! : 1,
  };
}
