// log σ(x) in f32 for the mLSTM gates (MIXERS.md §7), accurate for either sign.

/** log(1 + e) for e ≥ 0, accurate for small e (log(u)·e/(u − 1) cancels the rounding of u = 1 + e). */
fn log1p(e: f32) -> f32 {
  let u = 1.0 + e;
  if (u == 1.0) { return e; }
  return log(u) * e / (u - 1.0);
}

/** log σ(x) without overflow for either sign. */
fn logSigmoid(x: f32) -> f32 {
  if (x >= 0.0) { return -log1p(exp(-x)); }
  return x - log1p(exp(x));
}
