// FNet, fft form (MIXERS.md §10), power-of-two L: each column of Z into bit-reversed order, in place
// (the permutation is an involution: the lower index of each pair swaps both).

#include "common/fft-axis.wgsl"
#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> Z: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let d = params.d;
  if (g >= params.L * d) { return; }
  let i = g / d;
  let b = g % d;
  let j = reverse(i, params.bitsL);
  if (i >= j) { return; }
  let p = 2u * (i * d + b);
  let q = 2u * (j * d + b);
  let u = vec2<f32>(Z[p], Z[p + 1u]);
  Z[p] = Z[q];
  Z[p + 1u] = Z[q + 1u];
  Z[q] = u.x;
  Z[q + 1u] = u.y;
}
