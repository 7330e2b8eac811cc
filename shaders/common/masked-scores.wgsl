// Causal score matrix of the attention family (MIXERS.md §2, §3, §9):
//   A[t,s] = post · act(scale · x_t·y_s + bias) · λ^{t−s}  for s ≤ t (entries s > t are never written),
// act = identity (ACTIVATION 0: linear, simplified linear, retention) or relu² (ACTIVATION 1: GAU).
// λ = 2^{log2_decay}; log2_decay = 0 means no decay. X and Y are Q and K, or φ(Q) and φ(K).
// One workgroup per 64×64 tile, 4×4 per invocation in registers; rows of X and Y stream through
// workgroup memory 16 columns at a time; tiles wholly above the diagonal return at once.

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> Yk: array<f32>;
@group(0) @binding(3) var<storage, read_write> A: array<f32>;

override ACTIVATION: u32 = 0u;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> Xs: array<array<f32, 64>, 16>;
var<workgroup> Ys: array<array<f32, 64>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let t0 = wid.y * TILE;
  let s0 = wid.x * TILE;
  if (s0 > t0 + TILE - 1u) { return; }
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < d; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let row = flat / DEPTH;
      let col = flat % DEPTH;
      let i = k0 + col;
      Xs[col][row] = select(0.0, X[min(t0 + row, L - 1u) * d + min(i, d - 1u)], t0 + row < L && i < d);
      Ys[col][row] = select(0.0, Yk[min(s0 + row, L - 1u) * d + min(i, d - 1u)], s0 + row < L && i < d);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var x: array<f32, 4>;
      var y: array<f32, 4>;
      for (var b = 0u; b < BLOCK; b++) {
        x[b] = Xs[c][lid.y * BLOCK + b];
        y[b] = Ys[c][lid.x * BLOCK + b];
      }
      for (var a = 0u; a < BLOCK; a++) {
        for (var b = 0u; b < BLOCK; b++) { acc[a][b] += x[a] * y[b]; }
      }
    }
    workgroupBarrier();
  }
  for (var a = 0u; a < BLOCK; a++) {
    let t = t0 + lid.y * BLOCK + a;
    for (var b = 0u; b < BLOCK; b++) {
      let s = s0 + lid.x * BLOCK + b;
      if (t < L && s <= t) {
        var v = acc[a][b] * params.scale + params.bias;
        if (ACTIVATION == 1u) { let r = max(v, 0.0); v = r * r; }
        A[t * L + s] = v * params.post * exp2(f32(t - s) * params.log2_decay);
      }
    }
  }
}
