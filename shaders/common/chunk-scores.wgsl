// Chunked forms (MIXERS.md §2, §3), step 1 of chunk c = step.index: the chunk's causal block
//   A[i,s] = x_{c0+i}·y_{c0+s} · λ^{i−s}   for s ≤ i < len (c0 = c·chunk, len = the chunk's length),
// into one W×W buffer (W = min(chunk, L)) reused by every chunk. λ = 2^{log2_decay}.
// One workgroup per 64×64 tile of the block, a MICRO_M×4 micro-tile per invocation from vec4 loads
// of workgroup memory (common/tiled-scores.wgsl; MICRO_M and DEPTH are the matmul configuration's).
// Tiles wholly above the diagonal return at once. Entry `main` is one step of the sequential
// chunk loop (chunk = step.index, one shared block); `everyChunk` all chunks in one dispatch.

#include "common/tiled-scores.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> Yk: array<f32>;
@group(0) @binding(3) var<storage, read_write> A: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

/** The first token of the chunk. */
var<private> chunkStart: u32;

fn scoreX(t: u32, i: u32) -> f32 { return X[(chunkStart + t) * params.d + i]; }
fn scoreY(s: u32, i: u32) -> f32 { return Yk[(chunkStart + s) * params.d + i]; }

/** The block of chunk c into A at `offset` (W×W, rows i, columns s). */
fn chunkBlock(c: u32, offset: u32, wid: vec3<u32>, lid: vec3<u32>, li: u32) {
  let L = params.L;
  let W = min(params.chunk, L);
  let c0 = c * params.chunk;
  let len = min(params.chunk, L - c0);
  let i0 = wid.y * TILE;
  let s0 = wid.x * TILE;
  if (s0 > i0 + TILE - 1u || i0 >= len) { return; }
  chunkStart = c0;
  let acc = tiledScores(len, params.d, i0, s0, lid, li);
  for (var x = 0u; x < MICRO_M; x++) {
    let i = i0 + lid.y * MICRO_M + x;
    for (var y = 0u; y < MICRO_N; y++) {
      let s = s0 + lid.x * MICRO_N + y;
      if (i < len && s <= i) { A[offset + i * W + s] = acc[x][y] * exp2(f32(i - s) * params.log2_decay); }
    }
  }
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  chunkBlock(step.index, 0u, wid, lid, li);
}

// The parallel chunked forms' scores: every chunk's block at once, chunk c = workgroup z, into
// its own W×W slice of A (⌈L/C⌉ blocks; the plan's `A (every chunk)`). No step binding.
@compute @workgroup_size(WG_X, WG_Y)
fn everyChunk(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
              @builtin(local_invocation_index) li: u32) {
  let W = min(params.chunk, params.L);
  chunkBlock(wid.z, wid.z * W * W, wid, lid, li);
}
