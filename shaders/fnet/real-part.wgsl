// FNet, fft form (MIXERS.md §10): Y = Re Z.

#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Z: array<f32>;
@group(0) @binding(2) var<storage, read_write> Y: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  if (g >= params.L * params.d) { return; }
  Y[g] = Z[2u * g];
}
