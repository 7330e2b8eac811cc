// The feature map of linear attention (MIXERS.md §2), φ = elu + 1 (common/phi.wgsl), applied to
// every entry of Q and K.

#include "common/phi.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read_write> phiQ: array<f32>;
@group(0) @binding(4) var<storage, read_write> phiK: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let n = params.L * params.d;
  let i = gid.x + gid.y * groups.x * 256u;
  if (i >= n) { return; }
  phiQ[i] = phi(Q[i]);
  phiK[i] = phi(K[i]);
}
