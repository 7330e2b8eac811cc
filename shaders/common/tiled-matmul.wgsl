// One 64×64 tile of C = A·B (A: M×K, B: K×N), 4×4 per invocation of a 16×16 workgroup, A and B
// streaming through workgroup memory 16 of the inner index at a time. The including file reads its
// own buffers through two accessors, called with in-range indices only (entries outside M, N or K
// are zero, so no size must be a multiple of the tile):
//   fn matmulA(row: u32, inner: u32) -> f32     fn matmulB(inner: u32, col: u32) -> f32
// A causal product passes K = the tile's last row + 1 and masks inner > row in matmulA.
// Call from uniform control flow (it holds workgroup barriers) with M, N, K uniform.

#include "common/tile-memory.wgsl"

/** acc[r][q] = C[r0 + lid.y·4 + r, c0 + lid.x·4 + q]; rowSum[r] = Σ_inner A[r0 + lid.y·4 + r, inner]. */
struct MatmulTile { acc: array<array<f32, 4>, 4>, rowSum: array<f32, 4> }

fn tiledMatmul(M: u32, N: u32, K: u32, r0: u32, c0: u32, lid: vec3<u32>, li: u32) -> MatmulTile {
  var tile: MatmulTile;
  for (var k0 = 0u; k0 < K; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      // A tile: 64 rows × 16 of the inner index; B tile: 16 of the inner index × 64 columns.
      let row = r0 + flat / DEPTH;
      let inner = k0 + flat % DEPTH;
      As[flat % DEPTH][flat / DEPTH] = select(0.0, matmulA(min(row, M - 1u), min(inner, K - 1u)), row < M && inner < K);
      let k = k0 + flat / TILE;
      let col = c0 + flat % TILE;
      Bs[flat / TILE][flat % TILE] = select(0.0, matmulB(min(k, K - 1u), min(col, N - 1u)), k < K && col < N);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var a: array<f32, 4>;
      var b: array<f32, 4>;
      for (var x = 0u; x < BLOCK; x++) {
        a[x] = As[c][lid.y * BLOCK + x];
        b[x] = Bs[c][lid.x * BLOCK + x];
      }
      for (var r = 0u; r < BLOCK; r++) {
        tile.rowSum[r] += a[r];
        for (var q = 0u; q < BLOCK; q++) { tile.acc[r][q] += a[r] * b[q]; }
      }
    }
    workgroupBarrier();
  }
  return tile;
}
