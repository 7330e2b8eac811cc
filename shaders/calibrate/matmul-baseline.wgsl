// The matmul-shaped stages' tile before register blocking from vec4 loads (kept for npm run bench,
// scripts/bench/matmul-section.ts, as the baseline the current tile is measured against): C = A·B
// for N×N float32 matrices, a 64×64 workgroup tile, 4×4 outputs per invocation read as scalars from
// workgroup memory, 16 of the inner index per stage. N is a multiple of 64 (no bounds checks).

struct Params { N: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read_write> C: array<f32>;

var<workgroup> As: array<array<f32, 64>, 16>;
var<workgroup> Bs: array<array<f32, 64>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let N = params.N;
  let r0 = wid.y * 64u;
  let c0 = wid.x * 64u;
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < N; k0 += 16u) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      // A tile: 64 rows × 16 columns; B tile: 16 rows × 64 columns.
      As[flat % 16u][flat / 16u] = A[(r0 + flat / 16u) * N + k0 + flat % 16u];
      Bs[flat / 64u][flat % 64u] = B[(k0 + flat / 64u) * N + c0 + flat % 64u];
    }
    workgroupBarrier();
    for (var c = 0u; c < 16u; c++) {
      var a: array<f32, 4>;
      var b: array<f32, 4>;
      for (var x = 0u; x < 4u; x++) {
        a[x] = As[c][lid.y * 4u + x];
        b[x] = Bs[c][lid.x * 4u + x];
      }
      for (var x = 0u; x < 4u; x++) {
        for (var y = 0u; y < 4u; y++) { acc[x][y] += a[x] * b[y]; }
      }
    }
    workgroupBarrier();
  }
  for (var x = 0u; x < 4u; x++) {
    for (var y = 0u; y < 4u; y++) { C[(r0 + lid.y * 4u + x) * N + c0 + lid.x * 4u + y] = acc[x][y]; }
  }
}
