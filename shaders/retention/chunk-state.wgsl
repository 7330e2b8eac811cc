// Retention, chunked form, step 3 of chunk c = step.index: carry the state past the chunk,
//   S ← λ^{len} S + Σ_{s<len} λ^{len−1−s} k_{c0+s} v_{c0+s}ᵀ,
// a 64×64 tile of S per workgroup (common/chunk-state.wgsl).

#include "common/chunk-state.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> K: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read_write> S: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

fn chunkKey(c0: u32, len: u32, s: u32, r: u32) -> f32 {
  return K[(c0 + s) * params.d + r] * exp2(f32(len - 1u - s) * params.log2_decay);
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let c0 = step.index * params.chunk;
  let len = min(params.chunk, params.L - c0);
  let r0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  let dv = params.dv;
  let carried = exp2(f32(len) * params.log2_decay);
  let tile = chunkStateTile(c0, len, r0, j0, lid, li, false);
  for (var x = 0u; x < MICRO_M; x++) {
    let r = r0 + lid.y * MICRO_M + x;
    for (var y = 0u; y < MICRO_N; y++) {
      let j = j0 + lid.x * MICRO_N + y;
      if (r < params.d && j < dv) { S[r * dv + j] = carried * S[r * dv + j] + tile.acc[x][y]; }
    }
  }
}
