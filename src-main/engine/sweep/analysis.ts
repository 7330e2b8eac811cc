/**
 * What a finished sweep concludes: the scaling exponent of every (mixer, form, backend) curve, and
 * where curves cross, each with a 95% CI. Exponents are Theil–Sen slopes on log-log (robust to one
 * wild point); CIs come from refitting on medians resampled from each point's own samples
 * (stats/fit-ci.ts). Crossovers are taken between the forms of one mixer, and between each form
 * of the softmax-attention baseline and every form of every other mixer, always on one backend.
 */
import type { BackendId } from '../core/backend.js';
import type { Scaling } from '../core/mixer.js';
import type { PointRecord } from '../record/point.js';
import type { Crossover, Fit } from '../record/schema.js';
import { findCrossover } from '../stats/crossover.js';
import { crossoverCi, fitRobust, isWideCrossover, isWideExponent, type SampledPoint } from '../stats/fit-ci.js';
import { seriesKey } from './plan.js';

export const BASELINE_MIXER = 'softmax-attention';

interface Curve {
  readonly mixer: string;
  readonly form: string;
  readonly backend: BackendId;
  readonly points: SampledPoint[];
}

/** Median time against L of every series, from its ok points, with the samples behind each median. */
export function curvesOf(points: readonly PointRecord[]): Curve[] {
  const curves = new Map<string, Curve>();
  for (const p of points) {
    if (p.status !== 'ok' || !p.stats || !(p.stats.p50 > 0)) continue;
    const key = seriesKey(p);
    let curve = curves.get(key);
    if (!curve) curves.set(key, (curve = { mixer: p.mixer, form: p.form, backend: p.backend, points: [] }));
    curve.points.push({ L: p.L, ms: p.stats.p50, samplesMs: p.samplesMs });
  }
  for (const curve of curves.values()) curve.points.sort((a, b) => a.L - b.L);
  return [...curves.values()];
}

/** The points at the upper half of a curve's distinct lengths, when it has at least 4 of them. */
function tailOf(points: readonly SampledPoint[]): SampledPoint[] | undefined {
  const lengths = [...new Set(points.map((p) => p.L))].sort((a, b) => a - b);
  if (lengths.length < 4) return undefined;
  const fromL = lengths[Math.min(Math.floor(lengths.length / 2), lengths.length - 3)]!;
  return points.filter((p) => p.L >= fromL).sort((a, b) => a.L - b.L);
}

export function fitCurves(curves: readonly Curve[], expected: (curve: Curve) => Scaling | null, seed = 1): Fit[] {
  const fits: Fit[] = [];
  for (const curve of curves) {
    if (new Set(curve.points.map((p) => p.L)).size < 2) continue;
    const fit = fitRobust(curve.points, seed);
    const tail = tailOf(curve.points);
    const tailFit = tail && fitRobust(tail, seed);
    fits.push({
      mixer: curve.mixer,
      form: curve.form,
      backend: curve.backend,
      expected: expected(curve),
      exponent: fit.exponent,
      intercept: fit.intercept,
      r2: fit.r2,
      points: curve.points.length,
      ...(tail && tailFit ? { tail: { exponent: tailFit.exponent, r2: tailFit.r2, fromL: tail[0]!.L, ci: tailFit.ci } } : {}),
      method: 'theil-sen',
      ci: fit.ci,
      wide: isWideExponent(fit.ci) || (tailFit !== undefined && isWideExponent(tailFit.ci)),
    });
  }
  return fits;
}

function crossoverOf(a: Curve, b: Curve, seed: number): Crossover | undefined {
  const bByL = new Map(b.points.map((p) => [p.L, p.ms]));
  const common = a.points.filter((p) => bByL.has(p.L)).sort((x, y) => x.L - y.L);
  const last = common[common.length - 1];
  if (common.length < 2 || !last) return undefined;
  const [faster, slower] = last.ms <= bByL.get(last.L)! ? [a, b] : [b, a];
  const result = findCrossover(faster.points, slower.points);
  const ci = crossoverCi(faster.points, slower.points, seed);
  return {
    backend: a.backend,
    faster: { mixer: faster.mixer, form: faster.form },
    slower: { mixer: slower.mixer, form: slower.form },
    status: result.status,
    L: result.status === 'crosses' ? result.L : null,
    ci,
    wide: result.status === 'crosses' ? isWideCrossover(ci) : ci.agreement < 0.9,
  };
}

export function findCrossovers(curves: readonly Curve[], seed = 1): Crossover[] {
  const out: Crossover[] = [];
  for (const [i, a] of curves.entries()) {
    for (const b of curves.slice(i + 1)) {
      if (a.backend !== b.backend) continue;
      const sameMixer = a.mixer === b.mixer;
      const againstBaseline = (a.mixer === BASELINE_MIXER) !== (b.mixer === BASELINE_MIXER);
      if (!sameMixer && !againstBaseline) continue;
      const crossover = crossoverOf(a, b, seed);
      if (crossover) out.push(crossover);
    }
  }
  return out;
}
