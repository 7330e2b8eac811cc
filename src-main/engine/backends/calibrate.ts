/**
 * The roofline of the CPU backends: what the CPU reaches at best from this engine, so that no point
 * can go faster by construction. Compute: the same SIMD matmul the js forms run (kernels/gemm.ts),
 * on as many threads as they use (one), at a few cache-friendly sizes, 2n³ FLOPs each. Memory: a
 * typed-array copy (bytes read + written) at sizes from L1 to DRAM, since a short point's working
 * set sits in cache. Each figure is the best over sizes and tries: a ceiling, not an average.
 */
import type { Backend, BackendId } from '../core/backend.js';
import { allocate, BYTES_PER_ELEMENT, type DType } from '../core/tensor.js';
import { MATMUL_KERNEL, workspace } from '../kernels/gemm.js';
import type { Calibration } from '../record/environment.js';
import { performanceClock, type Clock } from './clock.js';

export interface CpuCalibrationOptions {
  /** One matmul size instead of the default sizes (tests). */
  readonly matmulSize?: number;
  /** One copy length instead of the default lengths (tests). */
  readonly copyElements?: number;
  readonly tries?: number;
  readonly now?: Clock;
}

const MATMUL_SIZES = [128, 256];
/** L1, L2 and L3-sized copies: beyond that a copy is only slower. */
const COPY_ELEMENTS = [1 << 12, 1 << 16, 1 << 20];
/** Each try repeats its task until this long, so a 10 µs in-cache task is timed over many calls. */
const TRY_MS = 2;

/** Best rate (work units per ms) over `tries` timed tries of `task` (which does `work` units). */
function bestRate(tries: number, now: Clock, work: number, task: () => void): number {
  let best = 0;
  for (let i = 0; i < tries; i++) {
    let reps = 0;
    const t0 = now();
    let elapsed: number;
    do {
      task();
      reps++;
      elapsed = now() - t0;
    } while (elapsed < TRY_MS);
    best = Math.max(best, (reps * work) / elapsed);
  }
  return best;
}

function matmulGflops(dtype: DType, n: number, tries: number, now: Clock): number {
  const ws = workspace();
  const [a, b, c] = ws.frame(dtype, [n * n, n * n, n * n]);
  a!.fill(1.0001);
  b!.fill(0.9999);
  const perMs = bestRate(tries, now, 2 * n ** 3, () => ws.gemm(n, n, n, { data: a!, ld: n }, { data: b!, ld: n }, { data: c!, ld: n }, false));
  return perMs / 1e6;
}

function copyGBs(dtype: DType, elements: number, tries: number, now: Clock): number {
  const src = allocate(dtype, elements).fill(1);
  const dst = allocate(dtype, elements);
  return bestRate(tries, now, 2 * elements * BYTES_PER_ELEMENT[dtype], () => dst.set(src)) / 1e6;
}

export function calibrateCpu(backend: BackendId, dtype: DType, options: CpuCalibrationOptions = {}): Calibration {
  const tries = options.tries ?? 3;
  const now = options.now ?? performanceClock;
  const sizes = options.matmulSize ? [options.matmulSize] : MATMUL_SIZES;
  const lengths = options.copyElements ? [options.copyElements] : COPY_ELEMENTS;
  return {
    backend,
    dtype,
    peakMatmulGflops: Math.max(...sizes.map((n) => matmulGflops(dtype, n, tries, now))),
    copyGBs: Math.max(...lengths.map((n) => copyGBs(dtype, n, tries, now))),
    kernel: MATMUL_KERNEL,
    threads: 1,
  };
}

/**
 * The roofline of every backend a sweep uses, measured just before it: the CPU backends here, the
 * GPU ones on their own device (`Backend.calibrate`). A backend that cannot calibrate (absent, or
 * no calibration kernel) is left out, and its points carry no roofline fraction.
 */
export async function calibrateBackends(backends: readonly Backend[], dtype: DType): Promise<Calibration[]> {
  const out: Calibration[] = [];
  for (const backend of backends) {
    // The CPU kernels have no float16 (only wgsl's f16 storage does): no roof to measure for them.
    if (backend.id === 'js' && dtype === 'float16') continue;
    if (backend.id === 'js') {
      // Where the js backend calibrates itself (in its host, on its clock), that roof is the one its points meet.
      const roof = await backend.calibrate?.(dtype).catch(() => undefined);
      out.push(roof ? { backend: 'js', dtype, ...roof, kernel: MATMUL_KERNEL, threads: 1 } : calibrateCpu('js', dtype));
    }
    else if (backend.id === 'reference') out.push(calibrateCpu('reference', 'float64'));
    else {
      const roof = await backend.calibrate?.(dtype).catch(() => undefined);
      if (roof) out.push({ backend: backend.id, dtype, peakMatmulGflops: roof.peakMatmulGflops, copyGBs: roof.copyGBs });
    }
  }
  return out;
}
