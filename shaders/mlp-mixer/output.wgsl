// MLP-Mixer token mixing (MIXERS.md §11), pass 2: Y = W2·H (L×d), W2 (L×h). One workgroup per 64×64
// tile of Y (common/tiled-matmul.wgsl).

#include "common/tiled-matmul.wgsl"

struct Params { L: u32, d: u32, h: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> W2: array<f32>;
@group(0) @binding(2) var<storage, read> H: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

fn matmulA(row: u32, inner: u32) -> f32 { return W2[row * params.h + inner]; }
fn matmulB(inner: u32, col: u32) -> f32 { return H[inner * params.d + col]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let r0 = wid.y * TILE;
  let c0 = wid.x * TILE;
  let tile = tiledMatmul(L, d, params.h, r0, c0, lid, li, false);
  for (var r = 0u; r < MICRO_M; r++) {
    let row = r0 + lid.y * MICRO_M + r;
    for (var q = 0u; q < MICRO_N; q++) {
      let col = c0 + lid.x * MICRO_N + q;
      if (row < L && col < d) { Y[row * d + col] = tile.acc[r][q]; }
    }
  }
}
