// Four-step form, step 2b: carry the scan across blocks. For each (i, j), block by block,
// H[end_b] += (Π_{u in block b} g_u)·H[end_{b−1}], so that every block's last row is final.

#include "common/mask-gate.wgsl"

struct Params { L: u32, d: u32, dv: u32, mask: u32, lambda: f32, block: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> H: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let ij = gid.x + gid.y * groups.x * 256u;
  if (ij >= d * dv) { return; }
  var prev_end = min(L, params.block) - 1u;
  for (var start = params.block; start < L; start += params.block) {
    let end = min(L, start + params.block) - 1u;
    var product = 1.0;
    for (var u = start; u <= end; u++) { product *= gate(u); }
    H[end * d * dv + ij] += product * H[prev_end * d * dv + ij];
    prev_end = end;
  }
}
