// MLP-Mixer token mixing (MIXERS.md §11), pass 1: H = gelu(W1·X) (h×d), gelu(x) = x·Φ(x) in the erf
// form. One workgroup per 64×64 tile of H, 4×4 per invocation, W1 (h×L) and X (L×d) streaming
// through workgroup memory 16 tokens at a time; bounds are checked, so no size must be a multiple
// of the tile.

struct Params { L: u32, d: u32, h: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> W1: array<f32>;
@group(0) @binding(3) var<storage, read_write> H: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> As: array<array<f32, 64>, 16>;
var<workgroup> Bs: array<array<f32, 64>, 16>;

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

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let h = params.h;
  let r0 = wid.y * TILE;
  let c0 = wid.x * TILE;
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < L; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      // A tile: 64 rows × 16 of the inner index; B tile: 16 of the inner index × 64 columns.
      let row = r0 + flat / DEPTH;
      let inner = k0 + flat % DEPTH;
      As[flat % DEPTH][flat / DEPTH] = select(0.0, W1[min(row, h - 1u) * L + min(inner, L - 1u)], row < h && inner < L);
      let k = k0 + flat / TILE;
      let col = c0 + flat % TILE;
      Bs[flat / TILE][flat % TILE] = select(0.0, X[min(k, L - 1u) * d + min(col, d - 1u)], k < L && col < d);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var x: array<f32, 4>;
      var y: array<f32, 4>;
      for (var b = 0u; b < BLOCK; b++) {
        x[b] = As[c][lid.y * BLOCK + b];
        y[b] = Bs[c][lid.x * BLOCK + b];
      }
      for (var r = 0u; r < BLOCK; r++) {
        for (var q = 0u; q < BLOCK; q++) { acc[r][q] += x[r] * y[q]; }
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < BLOCK; r++) {
    let row = r0 + lid.y * BLOCK + r;
    for (var q = 0u; q < BLOCK; q++) {
      let col = c0 + lid.x * BLOCK + q;
      if (row < h && col < d) { H[row * d + col] = gelu(acc[r][q]); }
    }
  }
}
