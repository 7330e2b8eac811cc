/**
 * The report's short methodology: how samples are taken and what the numbers and verdicts mean.
 * Plain paragraphs (our own words, no record text), rendered by the HTML and Markdown reports.
 */
import type { Comparison } from '../compare/schema.js';
import type { SweepSettings } from '../sweep/settings.js';
import { formatNumber } from './format.js';

export function runMethodology(settings: SweepSettings): string[] {
  return [
    `Samples. Each point (mixer × form × backend × L) prepares its kernels first (compile and upload are timed apart), runs ${settings.warmup} untimed warm-up call(s), then takes timed samples until at least ${settings.repetitions} samples and ${settings.minTimeMs} ms in total have been taken. One sample runs the mixer B·H = ${settings.batch * settings.heads} time(s) on independent inputs; times are wall-clock per sample, and device timestamps where the backend has them. A point predicted or observed over the time budget (${settings.timeBudgetMs} ms per sample) or the memory budget is recorded as over budget and not run at larger L.`,
    'Statistics. The median (p50) is the point\'s time; the band is p10–p90; a point whose interquartile range exceeds 10% of its median is flagged noisy. Exponents are least-squares fits of log(median) against log(L) over the ok points of a curve, and over the upper half of the lengths (the tail exponent), where fixed overheads no longer hide the asymptotic growth. A crossover is where one curve overtakes another, interpolated in log-log.',
    `Correctness. ${settings.verify ? 'Every ok point\'s output was compared with the float64 reference; the relative error is max |Y − Y_ref| / max |Y_ref| against the tolerance of the dtype.' : 'Verification against the float64 reference was off for this run.'} Memory is what the backend reports it allocated, next to the form's cost model. Software adapters (SwiftShader, llvmpipe) are right for correctness, never for speed claims.`,
  ];
}

export function comparisonMethodology(c: Comparison): string[] {
  const t = formatNumber(c.options.threshold * 100, 3);
  const level = formatNumber(c.options.confidence * 100, 3);
  return [
    `Matching. Points are matched on mixer, form, parameters, sizes, batch, heads, dtype and L; backends are paired ${c.options.pairing.mode === 'named' ? `as named (${c.options.pairing.baseline} in the baseline against ${c.options.pairing.other} in the other run)` : 'with the same backend in each run'}. Points without a partner are listed as unmatched, not dropped.`,
    `Ratio and CI. ratio = other median / baseline median (above 1: the other run is slower). The ${level}% confidence interval of that ratio is a bootstrap over the raw samples of both sides (${c.options.resamples} resamples, seed ${c.options.seed}: the same inputs give the same interval).`,
    `p and q. p is the two-sided Mann–Whitney U p-value of the two sample sets; q is its Benjamini–Hochberg adjustment over every row of the comparison, which keeps the expected share of false "different" verdicts at ${formatNumber(c.options.alpha * 100, 3)}% when hundreds of rows are tested at once.`,
    `Verdicts. faster / slower: the CI lies outside the noise band ±${t}% and q < ${c.options.alpha}. same: the CI lies within ±${t}%, or q ≥ ${c.options.alpha}. insufficient: fewer than ${c.options.minSamples} samples on a side. not-comparable: either point did not measure (over budget, error, failed verification); the reason says which.`,
  ];
}
