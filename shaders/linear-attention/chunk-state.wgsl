// Linear attention, chunked form, step 3 of chunk c = step.index: carry the state past the chunk,
//   S ← S + φK_cᵀ V_c (d×dv),  z ← z + Σ_s φ(k_{c0+s}),
// one entry of S per invocation (common/chunk-state.wgsl); column-0 invocations of the first column
// of workgroups also update z.

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

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>) {
  let c0 = step.index * params.chunk;
  let len = min(params.chunk, params.L - c0);
  let r = wid.y * STATE_TILE + lid.y;
  let j = wid.x * STATE_TILE + lid.x;
  let dv = params.dv;
  let sums = chunkStateProduct(wid, lid, c0, len);
  if (r < params.d && j < dv) { S[r * dv + j] = S[r * dv + j] + sums.x; }
  if (r < params.d && wid.x == 0u && lid.x == 0u) { z[r] = z[r] + sums.y; }
}
