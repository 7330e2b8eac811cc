// Retention, parallel chunked form (MIXERS.md §3; λ = 1 gives simplified linear attention), stage
// 1: every chunk's own contribution to the state at once, chunk c = workgroup z,
//   ΔS_c = Σ_{s<len} λ^{len−1−s} k_{c0+s} v_{c0+s}ᵀ   (d×dv: the state chunk c leaves from zero),
// into slice c of the chunk states, a 64×64 tile per workgroup (common/chunk-state.wgsl). The
// scan across chunks (common/chunk-carry.wgsl) then makes each slice the state entering its chunk.

#include "common/chunk-state.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> K: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read_write> states: array<f32>;

fn chunkKey(c0: u32, len: u32, s: u32, r: u32) -> f32 {
  return K[(c0 + s) * params.d + r] * exp2(f32(len - 1u - s) * params.log2_decay);
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let d = params.d;
  let dv = params.dv;
  let c0 = wid.z * params.chunk;
  let len = min(params.chunk, params.L - c0);
  let r0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  let base = wid.z * d * dv;
  let tile = chunkStateTile(c0, len, r0, j0, lid, li, false);
  for (var x = 0u; x < MICRO_M; x++) {
    let r = r0 + lid.y * MICRO_M + x;
    for (var y = 0u; y < MICRO_N; y++) {
      let j = j0 + lid.x * MICRO_N + y;
      if (r < d && j < dv) { states[base + r * dv + j] = tile.acc[x][y]; }
    }
  }
}
