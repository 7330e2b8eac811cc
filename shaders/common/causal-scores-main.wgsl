// The entry point of a causal score pass: one workgroup per 64×64 tile of the L×L matrix
// (common/tiled-scores.wgsl), tiles wholly above the diagonal returning at once, and each entry
// s ≤ t < L handed to the including file, which defines (besides scoreX / scoreY and a `params`
// with L and d):
//   fn storeScore(t: u32, s: u32, dot: f32)     // dot = x_t·y_s; entries s > t are never stored

#include "common/tiled-scores.wgsl"

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let t0 = wid.y * TILE;
  let s0 = wid.x * TILE;
  if (s0 > t0 + TILE - 1u) { return; }
  let acc = tiledScores(L, params.d, t0, s0, lid, li);
  for (var x = 0u; x < MICRO_M; x++) {
    let t = t0 + lid.y * MICRO_M + x;
    for (var y = 0u; y < MICRO_N; y++) {
      let s = s0 + lid.x * MICRO_N + y;
      if (t < L && s <= t) { storeScore(t, s, acc[x][y]); }
    }
  }
}
