// Hydra, materialized form, pass 2: Y = M X over the full L×L matrix (bidirectional). One workgroup
// per 64×64 tile of Y (rows t × P columns; common/tiled-matmul.wgsl).

#include "common/tiled-matmul.wgsl"

struct Params { L: u32, N: u32, P: u32, Dskip: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> M: array<f32>;
@group(0) @binding(2) var<storage, read> X: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

fn matmulA(t: u32, s: u32) -> f32 { return M[t * params.L + s]; }
fn matmulB(s: u32, j: u32) -> f32 { return X[s * params.P + j]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let P = params.P;
  let t0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  let tile = tiledMatmul(L, P, L, t0, j0, lid, li, false);
  for (var r = 0u; r < MICRO_M; r++) {
    let t = t0 + lid.y * MICRO_M + r;
    for (var q = 0u; q < MICRO_N; q++) {
      let j = j0 + lid.x * MICRO_N + q;
      if (t < L && j < P) { Y[t * P + j] = tile.acc[r][q]; }
    }
  }
}
