/**
 * What a running sweep tells its caller: each finished point as it lands (the run store persists
 * it at once) and progress after every point. The app forwards both over its typed contract.
 */
import type { PointRecord } from '../record/schema.js';

/** The point being measured, as the progress bar names it. */
export interface PointLabel {
  readonly mixer: string;
  readonly form: string;
  readonly backend: string;
  readonly L: number;
}

export interface SweepProgress {
  /** Points finished (any status), out of `total` planned. */
  readonly done: number;
  readonly total: number;
  /** The point now starting, or undefined once the sweep is over. */
  readonly current?: PointLabel;
  readonly elapsedMs: number;
  /**
   * Time left, extrapolated from the time spent per finished point weighted by each point's
   * predicted cost; undefined before the first point.
   */
  readonly etaMs?: number;
  /**
   * What is being measured: the point's first visit (warm-up, samples, check against the reference)
   * or a revisit that adds samples where its median's CI is still wide ('refining', in `round`,
   * with `open` points left to tighten).
   */
  readonly phase?: 'first visit' | 'refining';
  readonly round?: number;
  readonly open?: number;
}

export interface SweepHooks {
  /** Cancels the sweep; it stops between samples (within a second) and returns finished points. */
  readonly signal?: AbortSignal;
  readonly onPoint?: (point: PointRecord, index: number) => void | Promise<void>;
  readonly onProgress?: (progress: SweepProgress) => void;
  /** Clock in ms for elapsed/ETA (tests inject one); defaults to performance.now. */
  readonly now?: () => number;
}
