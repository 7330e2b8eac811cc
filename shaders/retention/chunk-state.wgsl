// Retention, chunked form, step 3 of chunk c = step.index: carry the state past the chunk,
//   S ← λ^{len} S + Σ_{s<len} λ^{len−1−s} k_{c0+s} v_{c0+s}ᵀ,
// one entry of S per invocation (common/chunk-state.wgsl).

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

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let c0 = step.index * params.chunk;
  let len = min(params.chunk, params.L - c0);
  let r = wid.y * STATE_TILE + lid.y;
  let j = wid.x * STATE_TILE + lid.x;
  let dv = params.dv;
  let sums = chunkStateProduct(wid, lid, c0, len);
  if (r < params.d && j < dv) { S[r * dv + j] = exp2(f32(len) * params.log2_decay) * S[r * dv + j] + sums.x; }
}
