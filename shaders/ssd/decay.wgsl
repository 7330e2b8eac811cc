// SSD chunked form (MIXERS.md §6), stage 0: decay[t] = Σ_{r=c0..t} log a_r within t's chunk (the
// listing's A_cumsum), so every later stage weighs by exp of a difference of these sums. Two entry
// points, chosen per device (scan-config.ts): `main`, one invocation per chunk, the running sum over
// its ≤ Q tokens; `segmented`, one workgroup per chunk, its 64 invocations each a run of
// consecutive tokens, a blocked prefix sum (common/affine-scan-tree.wgsl with every A = 1).

#include "common/affine-scan-tree.wgsl"

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read_write> decay: array<f32>;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let c0 = gid.x * params.chunk;
  if (c0 >= params.L) { return; }
  let end = min(params.L, c0 + params.chunk);
  var sum = 0.0;
  for (var t = c0; t < end; t++) {
    sum += log(a[t]);
    decay[t] = sum;
  }
}

const DECAY_SEGMENTS: u32 = 64u;

@compute @workgroup_size(64)
fn segmented(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
             @builtin(local_invocation_index) li: u32) {
  let c0 = (wid.x + wid.y * groups.x) * params.chunk;
  if (c0 >= params.L) { return; }
  let len = min(params.L - c0, params.chunk);
  let span = (len + DECAY_SEGMENTS - 1u) / DECAY_SEGMENTS;
  let first = c0 + li * span;
  let last = min(c0 + len, first + span);
  var own = 0.0;
  for (var t = first; t < last; t++) { own += log(a[t]); }
  carryA[li] = 1.0;
  carryH[li] = own;
  exclusiveAffineScan(li, 1u, DECAY_SEGMENTS);
  var sum = carryH[li];
  for (var t = first; t < last; t++) {
    sum += log(a[t]);
    decay[t] = sum;
  }
}
