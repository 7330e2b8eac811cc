/**
 * Two-sided Mann–Whitney U test: do two sample sets come from one distribution? The convention is
 * SciPy's `mannwhitneyu(x, y, alternative='two-sided', method='auto')`: U1 = R1 − n1(n1+1)/2 with
 * mid-ranks for ties; exact when there are no ties and one side has at most 8 samples, otherwise the
 * normal approximation with the tie-corrected variance and a continuity correction of ½.
 */
import { normalSurvival } from './normal.js';

export interface MannWhitney {
  /** U of the first sample: the number of pairs (x, y) with x > y, ties counting ½. */
  readonly u: number;
  readonly p: number;
  readonly method: 'exact' | 'asymptotic';
}

/** Largest side for which the exact distribution is used (SciPy's 'auto' threshold). */
export const EXACT_MAX_SIDE = 8;

export function mannWhitneyU(x: readonly number[], y: readonly number[]): MannWhitney {
  const n1 = x.length;
  const n2 = y.length;
  if (n1 === 0 || n2 === 0) throw new Error('Mann–Whitney U needs samples on both sides');
  const all = [...x.map((v) => ({ v, first: true })), ...y.map((v) => ({ v, first: false }))].sort((a, b) => a.v - b.v);
  const n = n1 + n2;
  let rankSum = 0;
  let tieTerm = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && all[j + 1]!.v === all[i]!.v) j++;
    const midRank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) if (all[k]!.first) rankSum += midRank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  const u = rankSum - (n1 * (n1 + 1)) / 2;
  const uMax = Math.max(u, n1 * n2 - u);
  if (tieTerm === 0 && Math.min(n1, n2) <= EXACT_MAX_SIDE) {
    return { u, p: Math.min(1, 2 * exactUpperTail(n1, n2, uMax)), method: 'exact' };
  }
  const mean = (n1 * n2) / 2;
  const variance = ((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1)));
  if (variance <= 0) return { u, p: 1, method: 'asymptotic' };
  const z = (uMax - mean - 0.5) / Math.sqrt(variance);
  return { u, p: Math.min(1, Math.max(0, 2 * normalSurvival(z))), method: 'asymptotic' };
}

/**
 * P(U ≥ u) under the null with no ties. The counts of U = 0…n1·n2 are the coefficients of the
 * Gaussian binomial [n1+n2 choose m]_q (m = the smaller side), built as
 * ∏_{i=1..m} (1 − q^{k+i}) / (1 − q^i) with k the larger side; each step is again a Gaussian binomial,
 * so the coefficients stay non-negative counts.
 */
function exactUpperTail(n1: number, n2: number, u: number): number {
  const m = Math.min(n1, n2);
  const k = Math.max(n1, n2);
  const size = m * k + 1;
  let poly = new Float64Array(size);
  poly[0] = 1;
  for (let i = 1; i <= m; i++) {
    const next = new Float64Array(size);
    // Multiply by (1 − q^{k+i}), then divide by (1 − q^i): b[j] = a[j] + b[j − i].
    for (let j = 0; j < size; j++) next[j] = poly[j]! - (j >= k + i ? poly[j - k - i]! : 0);
    for (let j = i; j < size; j++) next[j] = next[j]! + next[j - i]!;
    poly = next;
  }
  let total = 0;
  let tail = 0;
  for (let j = 0; j < size; j++) {
    total += poly[j]!;
    if (j >= u) tail += poly[j]!;
  }
  return tail / total;
}
