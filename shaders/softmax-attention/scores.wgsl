// Softmax attention, materialized form, pass 1 (MIXERS.md §1): S[t,s] = scale · q_t·k_s for s ≤ t.
// One workgroup computes a 64×64 tile of S, each of its 16×16 invocations a 4×4 block held in
// registers (common/tiled-scores.wgsl). Tiles wholly above the diagonal return at once (causal: about half the work). Entries s > t are never written.

#include "common/tiled-scores.wgsl"

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read_write> S: array<f32>;

fn scoreX(t: u32, i: u32) -> f32 { return Q[t * params.d + i]; }
fn scoreY(s: u32, i: u32) -> f32 { return K[s * params.d + i]; }

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
      if (t < L && s <= t) { S[t * L + s] = acc[x][y] * params.scale; }
    }
  }
}
