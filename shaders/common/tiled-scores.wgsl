// One 64×64 tile of scores x_t·y_s (rows t from t0, columns s from s0; X and Y both L×d, read row
// by row so the loads run along d), a MICRO_M×4 micro-tile per invocation from vec4 loads of
// workgroup memory (common/tile-memory.wgsl). The including file reads its own buffers through two
// accessors, called with in-range indices only (entries past L or d are zero):
//   fn scoreX(t: u32, i: u32) -> f32     fn scoreY(s: u32, i: u32) -> f32
// Call from uniform control flow (it holds workgroup barriers) with L, d, t0, s0 uniform.

#include "common/tile-memory.wgsl"

fn loadX(t: u32, i: u32, L: u32, d: u32) -> f32 {
  return select(0.0, scoreX(min(t, L - 1u), min(i, d - 1u)), t < L && i < d);
}

fn loadY(s: u32, i: u32, L: u32, d: u32) -> f32 {
  return select(0.0, scoreY(min(s, L - 1u), min(i, d - 1u)), s < L && i < d);
}

fn tiledScores(L: u32, d: u32, t0: u32, s0: u32, lid: vec3<u32>, li: u32) -> MicroTile {
  var acc: MicroTile;
  for (var k0 = 0u; k0 < d; k0 += DEPTH) {
    // 64 rows × DEPTH of X and of Y, four rows per vec4, adjacent invocations along d.
    for (var f = li; f < TILE4 * DEPTH; f += WG_SIZE) {
      let i = k0 + f % DEPTH;
      let t = t0 + 4u * (f / DEPTH);
      let s = s0 + 4u * (f / DEPTH);
      As[f % DEPTH][f / DEPTH] = vec4(loadX(t, i, L, d), loadX(t + 1u, i, L, d), loadX(t + 2u, i, L, d), loadX(t + 3u, i, L, d));
      Bs[f % DEPTH][f / DEPTH] = vec4(loadY(s, i, L, d), loadY(s + 1u, i, L, d), loadY(s + 2u, i, L, d), loadY(s + 3u, i, L, d));
    }
    workgroupBarrier();
    microTileStage(&acc, lid);
    workgroupBarrier();
  }
  return acc;
}
