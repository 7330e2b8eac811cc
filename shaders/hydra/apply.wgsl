// Hydra, materialized form, pass 2: Y = M X over the full L×L matrix (bidirectional). One workgroup
// per 64×64 tile of Y (rows t × P columns), 4×4 per invocation, M and X streaming through
// workgroup memory 16 tokens at a time.

struct Params { L: u32, N: u32, P: u32, Dskip: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> M: array<f32>;
@group(0) @binding(2) var<storage, read> X: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> Ms: array<array<f32, 64>, 16>;
var<workgroup> Xs: array<array<f32, 64>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let P = params.P;
  let t0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < L; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let t = t0 + flat / DEPTH;
      let s = k0 + flat % DEPTH;
      Ms[flat % DEPTH][flat / DEPTH] = select(0.0, M[min(t, L - 1u) * L + min(s, L - 1u)], t < L && s < L);
      let xs = k0 + flat / TILE;
      let j = j0 + flat % TILE;
      Xs[flat / TILE][flat % TILE] = select(0.0, X[min(xs, L - 1u) * P + min(j, P - 1u)], xs < L && j < P);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var m: array<f32, 4>;
      var x: array<f32, 4>;
      for (var b = 0u; b < BLOCK; b++) {
        m[b] = Ms[c][lid.y * BLOCK + b];
        x[b] = Xs[c][lid.x * BLOCK + b];
      }
      for (var r = 0u; r < BLOCK; r++) {
        for (var q = 0u; q < BLOCK; q++) { acc[r][q] += m[r] * x[q]; }
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < BLOCK; r++) {
    let t = t0 + lid.y * BLOCK + r;
    for (var q = 0u; q < BLOCK; q++) {
      let j = j0 + lid.x * BLOCK + q;
      if (t < L && j < P) { Y[t * P + j] = acc[r][q]; }
    }
  }
}
