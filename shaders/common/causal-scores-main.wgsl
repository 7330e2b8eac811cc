// The entry point of a causal score pass: one workgroup per 64×64 tile of the L×L matrix
// (common/tiled-scores.wgsl), tiles wholly above the diagonal returning at once, and each entry
// s ≤ t < L handed to the including file, which defines (besides scoreX / scoreY and a `params`
// with L and d):
//   fn storeScore(t: u32, s: u32, dot: f32)     // dot = x_t·y_s; entries s > t are never stored

#include "common/tiled-scores.wgsl"

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let t0 = wid.y * TILE;
  let s0 = wid.x * TILE;
  if (s0 > t0 + TILE - 1u) { return; }
  let acc = tiledScores(L, params.d, t0, s0, lid, li);
  for (var x = 0u; x < BLOCK; x++) {
    let t = t0 + lid.y * BLOCK + x;
    for (var y = 0u; y < BLOCK; y++) {
      let s = s0 + lid.x * BLOCK + y;
      if (t < L && s <= t) { storeScore(t, s, acc[x][y]); }
    }
  }
}
