// FNet, fft form (MIXERS.md §10): radix-2 twiddles of a power-of-two length n along one axis,
// table[k] = cos(2πk/n), table[n/2 + k] = sin(2πk/n) for k < n/2 (the cost model's n table elements).

#include "common/cis.wgsl"
#include "common/fft-axis.wgsl"
#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> table: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let n = lengthN();
  if (g >= n / 2u) { return; }
  let w = cis(g, n);
  table[g] = w.x;
  table[n / 2u + g] = w.y;
}
