/**
 * Scaling exponent of a time curve: least squares on log t = k·log L + c, so t ≈ e^c·L^k.
 * A quadratic form should fit k ≈ 2, a recurrent or chunked one k ≈ 1 once L is large enough
 * that fixed overheads no longer dominate.
 */
export interface CurvePoint {
  readonly L: number;
  readonly ms: number;
}

export interface ScalingFit {
  readonly exponent: number;
  /** Natural-log intercept c. */
  readonly intercept: number;
  /** Coefficient of determination in log-log; null when all times are equal (no variance to explain). */
  readonly r2: number | null;
}

/** Needs at least two distinct positive L; points with non-positive L or time are refused. */
export function fitScalingExponent(points: readonly CurvePoint[]): ScalingFit {
  for (const p of points) {
    if (!(p.L > 0 && p.ms > 0)) throw new Error(`cannot fit log-log through L=${p.L}, ms=${p.ms}`);
  }
  const xs = points.map((p) => Math.log(p.L));
  const ys = points.map((p) => Math.log(p.ms));
  const n = xs.length;
  if (new Set(xs).size < 2) throw new Error('a scaling fit needs at least two distinct lengths');
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxx += dx * dx;
    sxy += dx * dy;
    syy += dy * dy;
  }
  const exponent = sxy / sxx;
  const intercept = my - exponent * mx;
  let ssRes = 0;
  for (let i = 0; i < n; i++) ssRes += (ys[i]! - (intercept + exponent * xs[i]!)) ** 2;
  return { exponent, intercept, r2: syy === 0 ? null : 1 - ssRes / syy };
}
