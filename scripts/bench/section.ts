/**
 * One part of `npm run bench`: a named set of timings and the ratios that compare them, all taken
 * in the same process so that the comparison holds on this machine today.
 */
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
