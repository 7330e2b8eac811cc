// One 64×64 tile of C = A·B (A: M×K, B: K×N), a MICRO_M×4 micro-tile per invocation from vec4
// loads of workgroup memory (common/tile-memory.wgsl; MICRO_M and DEPTH are overridable). The
// including file reads its own buffers through two accessors, called with in-range indices only
// (entries outside M, N or K are zero, so no size must be a multiple of the tile):
//   fn matmulA(row: u32, inner: u32) -> f32     fn matmulB(inner: u32, col: u32) -> f32
// A causal product passes K = the tile's last row + 1 and masks inner > row in matmulA.
// Call from uniform control flow (it holds workgroup barriers) with M, N, K uniform; the entry
// point is @workgroup_size(WG_X, WG_Y).

#include "common/tile-memory.wgsl"

/**
 * acc[r][q] = C[r0 + lid.y·MICRO_M + r, c0 + lid.x·4 + q] for r < MICRO_M;
 * rowSum[r] = Σ_inner A[r0 + lid.y·MICRO_M + r, inner] when asked for (else 0).
 */
struct MatmulTile { acc: MicroTile, rowSum: array<f32, 8> }

fn loadA(row: u32, inner: u32, M: u32, K: u32) -> f32 {
  return select(0.0, matmulA(min(row, M - 1u), min(inner, K - 1u)), row < M && inner < K);
}

fn loadB(inner: u32, col: u32, K: u32, N: u32) -> f32 {
  return select(0.0, matmulB(min(inner, K - 1u), min(col, N - 1u)), inner < K && col < N);
}

fn tiledMatmul(M: u32, N: u32, K: u32, r0: u32, c0: u32, lid: vec3<u32>, li: u32, rowSums: bool) -> MatmulTile {
  var tile: MatmulTile;
  let rows4 = lid.y * (MICRO_M / 4u);
  for (var k0 = 0u; k0 < K; k0 += DEPTH) {
    // A: 64 rows × DEPTH, four rows per vec4, adjacent invocations along the inner index.
    for (var f = li; f < TILE4 * DEPTH; f += WG_SIZE) {
      let k = k0 + f % DEPTH;
      let row = r0 + 4u * (f / DEPTH);
      As[f % DEPTH][f / DEPTH] = vec4(loadA(row, k, M, K), loadA(row + 1u, k, M, K), loadA(row + 2u, k, M, K), loadA(row + 3u, k, M, K));
    }
    // B: DEPTH × 64 columns, four columns per vec4, adjacent invocations along the columns.
    for (var f = li; f < TILE4 * DEPTH; f += WG_SIZE) {
      let k = k0 + f / TILE4;
      let col = c0 + 4u * (f % TILE4);
      Bs[f / TILE4][f % TILE4] = vec4(loadB(k, col, K, N), loadB(k, col + 1u, K, N), loadB(k, col + 2u, K, N), loadB(k, col + 3u, K, N));
    }
    workgroupBarrier();
    microTileStage(&tile.acc, lid);
    if (rowSums) {
      for (var k = 0u; k < DEPTH; k++) {
        for (var g = 0u; g < MICRO_M / 4u; g++) {
          let a = As[k][rows4 + g];
          tile.rowSum[4u * g] += a.x;
          tile.rowSum[4u * g + 1u] += a.y;
          tile.rowSum[4u * g + 2u] += a.z;
          tile.rowSum[4u * g + 3u] += a.w;
        }
      }
    }
    workgroupBarrier();
  }
  return tile;
}
