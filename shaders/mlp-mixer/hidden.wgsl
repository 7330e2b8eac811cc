// MLP-Mixer token mixing (MIXERS.md §11), pass 1: H = gelu(W1·X) (h×d), gelu(x) = x·Φ(x) in the erf
// form. One workgroup per 64×64 tile of H (common/tiled-matmul.wgsl), W1 (h×L) times X (L×d).

#include "common/tiled-matmul.wgsl"
#include "common/gelu.wgsl"

struct Params { L: u32, d: u32, h: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> W1: array<f32>;
@group(0) @binding(3) var<storage, read_write> H: array<f32>;

fn matmulA(row: u32, inner: u32) -> f32 { return W1[row * params.L + inner]; }
fn matmulB(inner: u32, col: u32) -> f32 { return X[inner * params.d + col]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let d = params.d;
  let h = params.h;
  let r0 = wid.y * TILE;
  let c0 = wid.x * TILE;
  let tile = tiledMatmul(h, d, params.L, r0, c0, lid, li, false);
  for (var r = 0u; r < MICRO_M; r++) {
    let row = r0 + lid.y * MICRO_M + r;
    for (var q = 0u; q < MICRO_N; q++) {
      let col = c0 + lid.x * MICRO_N + q;
      if (row < h && col < d) { H[row * d + col] = gelu(tile.acc[r][q]); }
    }
  }
}
