// One 64×64 tile of scores x_t·y_s (rows t from t0, columns s from s0; X and Y both L×d, read row
// by row so the loads run along d), 4×4 per invocation (common/tile-memory.wgsl). The including
// file reads its own buffers through two accessors, called with in-range indices only (entries
// past L or d are zero):
//   fn scoreX(t: u32, i: u32) -> f32     fn scoreY(s: u32, i: u32) -> f32
// Call from uniform control flow (it holds workgroup barriers) with L, d, t0, s0 uniform.

#include "common/tile-memory.wgsl"

fn tiledScores(L: u32, d: u32, t0: u32, s0: u32, lid: vec3<u32>, li: u32) -> array<array<f32, 4>, 4> {
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < d; k0 += DEPTH) {
    // 64 rows × 16 columns of X and of Y: four elements of each per invocation.
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let row = flat / DEPTH;
      let col = flat % DEPTH;
      let t = t0 + row;
      let s = s0 + row;
      let i = k0 + col;
      As[col][row] = select(0.0, scoreX(min(t, L - 1u), min(i, d - 1u)), t < L && i < d);
      Bs[col][row] = select(0.0, scoreY(min(s, L - 1u), min(i, d - 1u)), s < L && i < d);
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
  return acc;
}
