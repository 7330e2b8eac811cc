/**
 * One part of `npm run bench`: a named set of timings and the ratios that compare them, all taken
 * in the same process so that the comparison holds on this machine today.
 */
import type { PreparedKernel } from '../../src-main/engine/core/backend.js';

export interface BenchMedian {
  readonly mixer: string;
  readonly form: string;
  readonly backend: string;
  readonly L: number;
  readonly medianMs: number;
  readonly p10Ms: number;
  readonly p90Ms: number;
  readonly noisy: boolean;
}

export interface BenchRatio {
  /** What over what: "softmax-attention/fused ÷ softmax-attention/materialized". */
  readonly name: string;
  readonly L: number;
  /** Median of the first over median of the second: below 1 means the first is faster. */
  readonly ratio: number;
}

export interface BenchSectionResult {
  readonly medians: readonly BenchMedian[];
  readonly ratios: readonly BenchRatio[];
  /** Points that did not measure, with their status and reason. */
  readonly problems: readonly string[];
}

export interface BenchSection {
  readonly id: string;
  readonly title: string;
  run(): Promise<BenchSectionResult>;
}

/** The q-quantile of sorted timings (the sample at rank ⌊q·n⌋, no interpolation). */
const quantile = (sorted: readonly number[], q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Median, p10 and p90 of a run of timings, as a BenchMedian carries them. */
export function spreadOf(ms: readonly number[]): Pick<BenchMedian, 'medianMs' | 'p10Ms' | 'p90Ms'> {
  const sorted = [...ms].sort((a, b) => a - b);
  return { medianMs: quantile(sorted, 0.5), p10Ms: quantile(sorted, 0.1), p90Ms: quantile(sorted, 0.9) };
}

/** `rounds` interleaved runs of every kernel, each time (device time where the kernel has it) into its `ms`: drift falls on all alike. */
export async function raceKernels(kernels: readonly { readonly kernel: PreparedKernel; readonly ms: number[] }[], rounds: number): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    for (const k of kernels) {
      const t = await k.kernel.run();
      k.ms.push(t.gpuMs ?? t.wallMs);
    }
  }
}
