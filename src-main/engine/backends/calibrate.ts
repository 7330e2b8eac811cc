/**
 * What the CPU reaches at best from JavaScript, for the roofline: a dense matmul (i-k-j loop,
 * the fastest plain-JS order, 2n³ FLOPs) and a large typed-array copy (bytes read + written).
 * Best of a few tries, so the figure is a ceiling rather than an average.
 */
import type { Backend, BackendId } from '../core/backend.js';
import { allocate, BYTES_PER_ELEMENT, type DType } from '../core/tensor.js';
import type { Calibration } from '../record/environment.js';
import { performanceClock, type Clock } from './clock.js';

export interface CpuCalibrationOptions {
  readonly matmulSize?: number;
  readonly copyElements?: number;
  readonly tries?: number;
  readonly now?: Clock;
}

function best(tries: number, now: Clock, task: () => void): number {
  let bestMs = Infinity;
  for (let i = 0; i < tries; i++) {
    const t0 = now();
    task();
    bestMs = Math.min(bestMs, now() - t0);
  }
  return Math.max(bestMs, 1e-6);
}

export function calibrateCpu(backend: BackendId, dtype: DType, options: CpuCalibrationOptions = {}): Calibration {
  const n = options.matmulSize ?? 192;
  const elements = options.copyElements ?? 1 << 22;
  const tries = options.tries ?? 3;
  const now = options.now ?? performanceClock;
  const a = allocate(dtype, n * n).fill(1.0001);
  const b = allocate(dtype, n * n).fill(0.9999);
  const c = allocate(dtype, n * n);
  const matmulMs = best(tries, now, () => {
    c.fill(0);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < n; k++) {
        const aik = a[i * n + k]!;
        for (let j = 0; j < n; j++) c[i * n + j] = c[i * n + j]! + aik * b[k * n + j]!;
      }
    }
  });
  const src = allocate(dtype, elements).fill(1);
  const dst = allocate(dtype, elements);
  const copyMs = best(tries, now, () => dst.set(src));
  return {
    backend,
    dtype,
    peakMatmulGflops: (2 * n ** 3) / (matmulMs * 1e6),
    copyGBs: (2 * elements * BYTES_PER_ELEMENT[dtype]) / (copyMs * 1e6),
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
    if (backend.id === 'js') out.push(calibrateCpu('js', dtype));
    else if (backend.id === 'reference') out.push(calibrateCpu('reference', 'float64'));
    else {
      const roof = await backend.calibrate?.(dtype).catch(() => undefined);
      if (roof) out.push({ backend: backend.id, dtype, peakMatmulGflops: roof.peakMatmulGflops, copyGBs: roof.copyGBs });
    }
  }
  return out;
}
