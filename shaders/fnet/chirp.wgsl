// FNet, fft form (MIXERS.md §10), Bluestein tables for a length n that is not a power of two,
// convolution length m = 2^bits ≥ 2n − 1: the radix-2 twiddles of m (table[0, m)), the chirp
// c_k = e^{−πik²/n} (re at m + k, im at m + n + k; k² reduced mod 2n so the angle is exact) and, in
// the first transform of the work buffer in bit-reversed order, the filter b_j = c̄_j for |j| < n
// wrapped to length m, whose spectrum filter-store.wgsl keeps after the radix-2 stages.

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> table: array<f32>;
@group(0) @binding(2) var<storage, read_write> work: array<f32>;

override AXIS: u32 = 0u;

/** Along d (AXIS 0: one transform per token) or along L (AXIS 1: one per channel). */
fn lengthN() -> u32 { return select(params.d, params.L, AXIS == 1u); }
fn lengthM() -> u32 { return select(params.md, params.mL, AXIS == 1u); }
fn bitsM() -> u32 { return select(params.bitsD, params.bitsL, AXIS == 1u); }
fn transforms() -> u32 { return select(params.L, params.d, AXIS == 1u); }

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

/** i with its lowest `bits` bits reversed (the radix-2 input order); bits = 0 maps 0 to 0. */
fn reverse(i: u32, bits: u32) -> u32 {
  if (bits == 0u) { return 0u; }
  return reverseBits(i) >> (32u - bits);
}

fn flatIndex(gid: vec3<u32>, groups: vec3<u32>) -> u32 {
  return gid.x + gid.y * groups.x * 64u;
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let n = lengthN();
  let m = lengthM();
  if (g >= m) { return; }
  if (g < m / 2u) {
    let w = cis(g, m);
    table[g] = w.x;
    table[m / 2u + g] = w.y;
  }
  if (g < n) {
    let c = cis((g * g) % (2u * n), 2u * n);
    table[m + g] = c.x;
    table[m + n + g] = -c.y;
  }
  // b_g = c̄_j with j = g for g < n, j = m − g for g > m − n, else 0.
  var b = vec2<f32>(0.0);
  let j = select(m - g, g, g < n);
  if (g < n || g > m - n) { b = cis((j * j) % (2u * n), 2u * n); }
  let r = reverse(g, bitsM());
  work[2u * r] = b.x;
  work[2u * r + 1u] = b.y;
}
