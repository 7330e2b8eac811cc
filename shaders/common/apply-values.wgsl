// Y = A·V over the lower triangle of an L×L score matrix A (attention family, parallel forms).
// With NORMALIZE = 1 each row is divided by its sum, Y = (A V) / (A 1) (linear attention, §2).
// One workgroup per 64×64 tile of Y (rows t × columns j of dv; common/tiled-matmul.wgsl); the sum
// over s stops at the tile's last row and entries s > t are masked, so the upper triangle is never
// read.

#include "common/tiled-matmul.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> A: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

override NORMALIZE: u32 = 0u;

fn matmulA(t: u32, s: u32) -> f32 { return select(0.0, A[t * params.L + s], s <= t); }
fn matmulB(s: u32, j: u32) -> f32 { return V[s * params.dv + j]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let dv = params.dv;
  let t0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  let tile = tiledMatmul(L, dv, min(L, t0 + TILE), t0, j0, lid, li, NORMALIZE == 1u);
  for (var x = 0u; x < MICRO_M; x++) {
    let t = t0 + lid.y * MICRO_M + x;
    let scale = select(1.0, 1.0 / tile.rowSum[x], NORMALIZE == 1u);
    for (var y = 0u; y < MICRO_N; y++) {
      let j = j0 + lid.x * MICRO_N + y;
      if (t < L && j < dv) { Y[t * dv + j] = tile.acc[x][y] * scale; }
    }
  }
}
