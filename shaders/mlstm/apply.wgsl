// mLSTM, parallel form (MIXERS.md §7), pass 3: h_t = Σ_{s≤t} S[t,s]·v_s / max(|Σ_{s≤t} S[t,s]|, e^{−m_t}).
// One workgroup per 64×64 tile of Y (rows t × dv columns; common/tiled-matmul.wgsl, whose row sums
// are the normalizer). The sum over s stops at the tile's last row; entries s > t are masked.

#include "common/tiled-matmul.wgsl"

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> S: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read> rowMax: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;

fn matmulA(t: u32, s: u32) -> f32 { return select(0.0, S[t * params.L + s], s <= t); }
fn matmulB(s: u32, j: u32) -> f32 { return V[s * params.dv + j]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let dv = params.dv;
  let t0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  let tile = tiledMatmul(L, dv, min(L, t0 + TILE), t0, j0, lid, li, true);
  for (var x = 0u; x < MICRO_M; x++) {
    let t = t0 + lid.y * MICRO_M + x;
    if (t >= L) { continue; }
    let denominator = max(abs(tile.rowSum[x]), exp(-rowMax[t]));
    for (var y = 0u; y < MICRO_N; y++) {
      let j = j0 + lid.x * MICRO_N + y;
      if (j < dv) { Y[t * dv + j] = tile.acc[x][y] / denominator; }
    }
  }
}
