// FNet, dense DFT form (MIXERS.md §10), pass 3: the real part of the DFT over the sequence,
// Y[t,j] = Σ_s cos(2πts/L)·Re Z[s,j] + sin(2πts/L)·Im Z[s,j] = (F_L·Z)[t,j], F_L (L×2L) with cos and
// sin interleaved and Z read as 2L×d (rows Re, Im of each token). One workgroup per 64×64 tile of
// Y (common/tiled-matmul.wgsl).

#include "common/tiled-matmul.wgsl"

struct Params { L: u32, d: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> FL: array<f32>;
@group(0) @binding(2) var<storage, read> Z: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

fn matmulA(row: u32, inner: u32) -> f32 { return FL[row * 2u * params.L + inner]; }
fn matmulB(inner: u32, col: u32) -> f32 { return Z[inner * params.d + col]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let r0 = wid.y * TILE;
  let c0 = wid.x * TILE;
  let tile = tiledMatmul(L, d, 2u * L, r0, c0, lid, li, false);
  for (var r = 0u; r < MICRO_M; r++) {
    let row = r0 + lid.y * MICRO_M + r;
    for (var q = 0u; q < MICRO_N; q++) {
      let col = c0 + lid.x * MICRO_N + q;
      if (row < L && col < d) { Y[row * d + col] = tile.acc[r][q]; }
    }
  }
}
