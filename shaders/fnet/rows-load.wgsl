// FNet, fft form (MIXERS.md §10), power-of-two d: Z = X as complex numbers, each row in
// bit-reversed order for the radix-2 stages.

#include "common/fft-axis.wgsl"
#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read_write> Z: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let d = params.d;
  if (g >= params.L * d) { return; }
  let at = (g / d) * d + reverse(g % d, params.bitsD);
  Z[2u * at] = X[g];
  Z[2u * at + 1u] = 0.0;
}
