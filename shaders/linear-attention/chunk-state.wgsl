// Linear attention, chunked form, step 3 of chunk c = step.index: carry the state past the chunk,
//   S ← S + φK_cᵀ V_c (d×dv),  z ← z + Σ_s φ(k_{c0+s}),
// a 64×64 tile of S per workgroup (common/chunk-state.wgsl); z from the tile's row sums, written by
// the first column of invocations of the first column of workgroups.

#include "common/chunk-state.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> phiK: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read_write> S: array<f32>;
@group(0) @binding(4) var<storage, read_write> z: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

fn chunkKey(c0: u32, len: u32, s: u32, r: u32) -> f32 { return phiK[(c0 + s) * params.d + r]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let c0 = step.index * params.chunk;
  let len = min(params.chunk, params.L - c0);
  let r0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  let d = params.d;
  let dv = params.dv;
  let tile = chunkStateTile(c0, len, r0, j0, lid, li, wid.x == 0u);
  for (var x = 0u; x < MICRO_M; x++) {
    let r = r0 + lid.y * MICRO_M + x;
    for (var y = 0u; y < MICRO_N; y++) {
      let j = j0 + lid.x * MICRO_N + y;
      if (r < d && j < dv) { S[r * dv + j] = S[r * dv + j] + tile.acc[x][y]; }
    }
    if (r < d && wid.x == 0u && lid.x == 0u) { z[r] = z[r] + tile.rowSum[x]; }
  }
}
