// TTT-linear, mini-batch form (MIXERS.md §8): W_0 = 0 at the start of every run.

#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, dv: u32, eta: f32, batch: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> W: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  if (g < params.d * params.dv) { W[g] = 0.0; }
}
