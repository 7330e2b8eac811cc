// mLSTM, parallel form (MIXERS.md §7), pass 2: S[t,s] = exp(ĩ_s + F_t − F_s − m_t)·(q_t·k_s)/√d for
// s ≤ t, the stabilized gate times the scaled score. One workgroup per 64×64 tile of S
// (common/tiled-scores.wgsl). Tiles wholly above the diagonal return at once; entries s > t are never written or read.

#include "common/tiled-scores.wgsl"

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> igate: array<f32>;
@group(0) @binding(4) var<storage, read> logF: array<f32>;
@group(0) @binding(5) var<storage, read> rowMax: array<f32>;
@group(0) @binding(6) var<storage, read_write> S: array<f32>;

fn scoreX(t: u32, i: u32) -> f32 { return Q[t * params.d + i]; }
fn scoreY(s: u32, i: u32) -> f32 { return K[s * params.d + i]; }

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
    if (t >= L) { continue; }
    let Ft = logF[t] - rowMax[t];
    for (var y = 0u; y < MICRO_N; y++) {
      let s = s0 + lid.x * MICRO_N + y;
      if (s <= t) { S[t * L + s] = exp(igate[s] + Ft - logF[s]) * acc[x][y] * params.scale; }
    }
  }
}
