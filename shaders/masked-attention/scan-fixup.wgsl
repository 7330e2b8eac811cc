// Four-step form, step 2c: inside block b ≥ 1, add the carried-in state to the rows before its last,
// H[t] += (g_{start}·…·g_t)·H[start − 1]. One invocation per (block, i, j).

#include "common/mask-gate.wgsl"

struct Params { L: u32, d: u32, dv: u32, mask: u32, lambda: f32, block: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> H: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let L = params.L;
  let n = params.d * params.dv;
  let blocks = (L + params.block - 1u) / params.block;
  let idx = gid.x + gid.y * groups.x * 256u;
  if (idx >= blocks * n) { return; }
  let ij = idx % n;
  let b = idx / n;
  if (b == 0u) { return; }
  let start = b * params.block;
  let end = min(L, start + params.block) - 1u;
  let carry = H[(start - 1u) * n + ij];
  var product = 1.0;
  for (var t = start; t < end; t++) {
    product *= gate(t);
    H[t * n + ij] += product * carry;
  }
}
