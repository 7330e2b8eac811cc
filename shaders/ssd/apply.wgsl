// SSD (MIXERS.md §6), attention form, second half: Y_t = Σ_{s≤t in t's chunk} S[t,s]·X_s, S the
// decayed scores of scores.wgsl (one chunk of length L for the quadratic form). One workgroup per
// 64×64 tile of a chunk's rows × P columns (z = chunk), 4×4 per invocation; the sum over s stops at
// the tile's last row and entries s > t are masked, so the upper triangle of S is never read.
// Writes every Y of its tile: the chunked form's later stage adds the carried state on top.

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> S: array<f32>;
@group(0) @binding(2) var<storage, read> X: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> As: array<array<f32, 64>, 16>;
var<workgroup> Xs: array<array<f32, 64>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let P = params.P;
  let w = params.width;
  let c0 = wid.z * params.chunk;
  let n = min(params.chunk, L - c0);
  let base = wid.z * w * w;
  let t0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  if (t0 >= n) { return; }
  let last = min(n, t0 + TILE);
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < last; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let row = flat / DEPTH;
      let col = flat % DEPTH;
      let t = t0 + row;
      let s = k0 + col;
      As[col][row] = select(0.0, S[base + min(t, n - 1u) * w + min(s, n - 1u)], t < n && s <= t);
      let xs = k0 + flat / TILE;
      let j = j0 + flat % TILE;
      Xs[flat / TILE][flat % TILE] = select(0.0, X[(c0 + min(xs, n - 1u)) * P + min(j, P - 1u)], xs < n && j < P);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var g: array<f32, 4>;
      var x: array<f32, 4>;
      for (var b = 0u; b < BLOCK; b++) {
        g[b] = As[c][lid.y * BLOCK + b];
        x[b] = Xs[c][lid.x * BLOCK + b];
      }
      for (var r = 0u; r < BLOCK; r++) {
        for (var q = 0u; q < BLOCK; q++) { acc[r][q] += g[r] * x[q]; }
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < BLOCK; r++) {
    let t = t0 + lid.y * BLOCK + r;
    for (var q = 0u; q < BLOCK; q++) {
      let j = j0 + lid.x * BLOCK + q;
      if (t < n && j < P) { Y[(c0 + t) * P + j] = acc[r][q]; }
    }
  }
}
