// SSD chunked form (MIXERS.md §6), stage 3: a scan over the chunks turns, in place, each chunk's own
// final state H_c into the state entering it: h_in(0) = 0, h_in(c+1) = exp(decay[end_c])·h_in(c) + H_c.
// Two entry points, chosen per device (scan-config.ts): `main`, one invocation per state element
// (n, p), sequential over the L/Q chunks; `segmented`, one workgroup per state element, its 64
// invocations each a run of consecutive chunks, a blocked scan (common/affine-scan-tree.wgsl).

#include "common/affine-scan-tree.wgsl"

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> decay: array<f32>;
@group(0) @binding(2) var<storage, read_write> H: array<f32>;

/** The decay across chunk c: exp of its log-decay sum up to its last token. */
fn chunkDecay(c: u32) -> f32 { return exp(decay[min(params.L, (c + 1u) * params.chunk) - 1u]); }

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>) {
  let NP = params.N * params.P;
  let e = gid.x;
  if (e >= NP) { return; }
  let chunks = (params.L + params.chunk - 1u) / params.chunk;
  var carry = 0.0;
  for (var c = 0u; c < chunks; c++) {
    let own = H[c * NP + e];
    H[c * NP + e] = carry;
    carry = chunkDecay(c) * carry + own;
  }
}

const CARRY_SEGMENTS: u32 = 64u;

@compute @workgroup_size(64)
fn segmented(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
             @builtin(local_invocation_index) li: u32) {
  let NP = params.N * params.P;
  let e = wid.x + wid.y * groups.x;
  if (e >= NP) { return; }
  let chunks = (params.L + params.chunk - 1u) / params.chunk;
  let span = (chunks + CARRY_SEGMENTS - 1u) / CARRY_SEGMENTS;
  let first = li * span;
  let last = min(chunks, first + span);
  // The run's own map h ↦ A·h + own, then the state entering the run, then the run rewritten.
  var A = 1.0;
  var own = 0.0;
  for (var c = first; c < last; c++) {
    let f = chunkDecay(c);
    A *= f;
    own = f * own + H[c * NP + e];
  }
  carryA[li] = A;
  carryH[li] = own;
  exclusiveAffineScan(li, 1u, CARRY_SEGMENTS);
  var carry = carryH[li];
  for (var c = first; c < last; c++) {
    let mine = H[c * NP + e];
    H[c * NP + e] = carry;
    carry = chunkDecay(c) * carry + mine;
  }
}
