// FNet, fft form (MIXERS.md §10), Bluestein: keeps the filter spectrum (the first transform of the
// work buffer after its radix-2 stages) in the table, interleaved complex from m + 2n.

#include "common/fft-axis.wgsl"
#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, md: u32, mL: u32, bitsD: u32, bitsL: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> work: array<f32>;
@group(0) @binding(2) var<storage, read_write> table: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let g = flatIndex(gid, groups);
  let m = lengthM();
  if (g >= m) { return; }
  let at = m + 2u * lengthN() + 2u * g;
  table[at] = work[2u * g];
  table[at + 1u] = work[2u * g + 1u];
}
