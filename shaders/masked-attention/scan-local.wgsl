// Structured-mask attention, four-step form (MIXERS.md §4), steps 1 and 2a: Z[t,i,j] = k_t[i]·v_t[j]
// and, within each block of `block` tokens, the mask's matvec as a scan h_t = g_t·h_{t−1} + Z_t
// (g ≡ 1 causal, λ decay, a_t selective). One invocation per (block, i, j); H overwrites Z in place.
// Blocks are joined by scan-carry and scan-fixup: a parallel scan in three passes.

#include "common/mask-gate.wgsl"

struct Params { L: u32, d: u32, dv: u32, mask: u32, lambda: f32, block: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> K: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read> a: array<f32>;
@group(0) @binding(4) var<storage, read_write> H: array<f32>;

@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let blocks = (L + params.block - 1u) / params.block;
  let idx = gid.x + gid.y * groups.x * 256u;
  if (idx >= blocks * d * dv) { return; }
  let j = idx % dv;
  let i = (idx / dv) % d;
  let b = idx / (d * dv);
  let end = min(L, (b + 1u) * params.block);
  var h = 0.0;
  for (var t = b * params.block; t < end; t++) {
    h = gate(t) * h + K[t * d + i] * V[t * dv + j];
    H[(t * d + i) * dv + j] = h;
  }
}
