// Parallel chunked forms (MIXERS.md §2, §3), stage 2: an exclusive scan across the chunks turns, in
// place, each chunk's own state ΔS_c (slice c of `states`, `width` = d·dv values, then d more for
// linear attention's z) into the state entering that chunk:
//   S_in(0) = 0,   S_in(c+1) = γ_c·S_in(c) + ΔS_c,   γ_c = λ^{len_c} (1 without decay),
// as the affine pairs (γ, ΔS) of common/affine-scan-tree.wgsl: a plain prefix sum when γ = 1, the
// decayed one for retention. Decays are products of factors in (0, 1], so nothing overflows.
// One workgroup of 256 holds G = min(256, 2^⌈log2 chunks⌉) segments of ⌈chunks/G⌉ consecutive
// chunks for 256/G state elements (lanes), adjacent invocations on adjacent elements: each
// invocation composes its segment's maps, the tree scans the segments (Blelloch, log2 G levels),
// and each invocation rewrites its segment from the state entering it.

#include "common/affine-scan-tree.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read_write> states: array<f32>;

/** 1 when each chunk's slice also holds the key sums z (d values past the d×dv state). */
override NORMALIZER_ROWS: u32 = 0u;

/** The decay across chunk c, λ^{len_c} (the last chunk may be short). */
fn chunkDecay(c: u32) -> f32 {
  let len = min(params.chunk, params.L - c * params.chunk);
  return exp2(f32(len) * params.log2_decay);
}

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let width = params.d * params.dv + NORMALIZER_ROWS * params.d;
  let chunks = (params.L + params.chunk - 1u) / params.chunk;
  var G = 1u;
  while (G < chunks && G < TREE_SLOTS) { G *= 2u; }
  let lanes = TREE_SLOTS / G;
  let g = li / lanes;
  let e = (wid.x + wid.y * groups.x) * lanes + li % lanes;
  let live = e < width;
  let span = (chunks + G - 1u) / G;
  let first = g * span;
  let last = min(chunks, first + span);
  // The segment's own map h ↦ decay·h + own.
  var decay = 1.0;
  var own = 0.0;
  if (live) {
    for (var c = first; c < last; c++) {
      let f = chunkDecay(c);
      decay *= f;
      own = f * own + states[c * width + e];
    }
  }
  carryA[li] = decay;
  carryH[li] = own;
  exclusiveAffineScan(li, lanes, G);
  var carry = carryH[li];
  if (live) {
    for (var c = first; c < last; c++) {
      let mine = states[c * width + e];
      states[c * width + e] = carry;
      carry = chunkDecay(c) * carry + mine;
    }
  }
}
