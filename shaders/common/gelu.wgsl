// gelu in the exact (erf) form, f32 (MIXERS.md §11).

/**
 * erfc(x) in f32 by the Chebyshev fit of Numerical Recipes (erfcc): fractional error below 1.2e-7
 * for every x, so Φ(x) = erfc(−x/√2)/2 keeps its relative accuracy in the far left tail.
 */
fn erfc(x: f32) -> f32 {
  let z = abs(x);
  let t = 1.0 / (1.0 + 0.5 * z);
  let poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
    + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  let tail = t * exp(-z * z + poly);
  return select(2.0 - tail, tail, x >= 0.0);
}

/** gelu(x) = x·Φ(x), the exact (erf) form. */
fn gelu(x: f32) -> f32 {
  return 0.5 * x * erfc(-x * 0.70710678118654752);
}
