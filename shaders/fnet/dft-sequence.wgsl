// FNet, dense DFT form (MIXERS.md §10), pass 3: the real part of the DFT over the sequence,
// Y[t,j] = Σ_s cos(2πts/L)·Re Z[s,j] + sin(2πts/L)·Im Z[s,j] = (F_L·Z)[t,j], F_L (L×2L) with cos and
// sin interleaved and Z read as 2L×d (rows Re, Im of each token). One workgroup per 64×64 tile of
// Y, 4×4 per invocation, 16 of the inner index at a time through workgroup memory.

struct Params { L: u32, d: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> FL: array<f32>;
@group(0) @binding(2) var<storage, read> Z: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> As: array<array<f32, 64>, 16>;
var<workgroup> Bs: array<array<f32, 64>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let r0 = wid.y * TILE;
  let c0 = wid.x * TILE;
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < 2u * L; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      // A tile: 64 rows × 16 of the inner index; B tile: 16 of the inner index × 64 columns.
      let row = r0 + flat / DEPTH;
      let inner = k0 + flat % DEPTH;
      As[flat % DEPTH][flat / DEPTH] = select(0.0, FL[min(row, L - 1u) * 2u * L + min(inner, 2u * L - 1u)], row < L && inner < 2u * L);
      let k = k0 + flat / TILE;
      let col = c0 + flat % TILE;
      Bs[flat / TILE][flat % TILE] = select(0.0, Z[min(k, 2u * L - 1u) * d + min(col, d - 1u)], k < 2u * L && col < d);
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
      if (row < L && col < d) { Y[row * d + col] = acc[r][q]; }
    }
  }
}
