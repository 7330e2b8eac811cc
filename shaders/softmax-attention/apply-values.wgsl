// Softmax attention, materialized form, pass 3: Y = A·V with A the row-softmaxed S (lower triangle).
// One workgroup per 64×64 tile of Y (64 rows t × 64 columns j of dv; common/tiled-matmul.wgsl); the
// sum over s stops at the tile's last row, and entries s > t are masked, so the upper triangle of S
// is never read.

#include "common/tiled-matmul.wgsl"

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> S: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

fn matmulA(t: u32, s: u32) -> f32 { return select(0.0, S[t * params.L + s], s <= t); }
fn matmulB(s: u32, j: u32) -> f32 { return V[s * params.dv + j]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let dv = params.dv;
  let t0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  let tile = tiledMatmul(L, dv, min(L, t0 + TILE), t0, j0, lid, li, false);
  for (var x = 0u; x < MICRO_M; x++) {
    let t = t0 + lid.y * MICRO_M + x;
    for (var y = 0u; y < MICRO_N; y++) {
      let j = j0 + lid.x * MICRO_N + y;
      if (t < L && j < dv) { Y[t * dv + j] = tile.acc[x][y]; }
    }
  }
}
