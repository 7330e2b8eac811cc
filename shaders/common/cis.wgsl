// (cos, sin) of 2π·k/n in f32 with an exact angle reduction (the DFT and FFT tables, MIXERS.md §10).

const HALF_PI: f32 = 1.5707963267948966;

/** sin and cos on [0, π/4] by their Taylor series to x¹¹ and x¹⁰ (truncation below 1e-9). */
fn sinPoly(x: f32) -> f32 {
  let x2 = x * x;
  return x * (1.0 - x2 / 6.0 * (1.0 - x2 / 20.0 * (1.0 - x2 / 42.0 * (1.0 - x2 / 72.0 * (1.0 - x2 / 110.0)))));
}

fn cosPoly(x: f32) -> f32 {
  let x2 = x * x;
  return 1.0 - x2 / 2.0 * (1.0 - x2 / 12.0 * (1.0 - x2 / 30.0 * (1.0 - x2 / 56.0 * (1.0 - x2 / 90.0))));
}

/**
 * (cos, sin) of 2π·k/n, with the angle reduced exactly in integers (n < 2³⁰): quadrant q = ⌊4k/n⌋,
 * remainder ρ = 4k − q·n, θ = (π/2)·ρ/n; past π/4 the complement (π/2)·(n − ρ)/n is used, so the
 * polynomials only see [0, π/4] and no builtin's accuracy is relied on.
 */
fn cis(k: u32, n: u32) -> vec2<f32> {
  let k4 = 4u * (k % n);
  let q = k4 / n;
  let rho = k4 - q * n;
  var cs: vec2<f32>;
  if (2u * rho <= n) {
    let x = HALF_PI * f32(rho) / f32(n);
    cs = vec2<f32>(cosPoly(x), sinPoly(x));
  } else {
    let x = HALF_PI * f32(n - rho) / f32(n);
    cs = vec2<f32>(sinPoly(x), cosPoly(x));
  }
  switch (q) {
    case 0u: { return cs; }
    case 1u: { return vec2<f32>(-cs.y, cs.x); }
    case 2u: { return -cs; }
    default: { return vec2<f32>(cs.y, -cs.x); }
  }
}
