// FNet, dense DFT form (MIXERS.md §10), pass 1: the two DFT matrices, laid out so that both
// products are plain row-major matrix products (dft-hidden.wgsl, dft-sequence.wgsl):
//   F_d[c, j] = cos(2πcj/d), F_d[c, d + j] = −sin(2πcj/d)        (d × 2d: Z = X·F_d = [Re | Im] per row),
//   F_L[t, 2s] = cos(2πts/L), F_L[t, 2s + 1] = sin(2πts/L)     (L × 2L: Y = F_L·Z, Z seen as 2L × d).
// Products are reduced mod d and mod L in integers first, so every angle is exact. One invocation
// per matrix entry.

struct Params { L: u32, d: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> Fd: array<f32>;
@group(0) @binding(2) var<storage, read_write> FL: array<f32>;

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

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let L = params.L;
  let d = params.d;
  let g = gid.x + gid.y * groups.x * 64u;
  if (g < d * d) {
    let c = g / d;
    let j = g % d;
    let w = cis((c * j) % d, d);
    Fd[c * 2u * d + j] = w.x;
    Fd[c * 2u * d + d + j] = -w.y;
    return;
  }
  let h = g - d * d;
  if (h < L * L) {
    let t = h / L;
    let s = h % L;
    let w = cis((t * s) % L, L);
    FL[t * 2u * L + 2u * s] = w.x;
    FL[t * 2u * L + 2u * s + 1u] = w.y;
  }
}
