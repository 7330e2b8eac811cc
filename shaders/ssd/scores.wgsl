// SSD (MIXERS.md §6), attention form on Q×Q blocks: S[t,s] = G_ts·(C_t·B_s) for s ≤ t in one chunk,
// G_ts = a_{s+1}·…·a_t = exp(Σ_{r=s+1..t} log a_r) (the listing's exp(segsum(log a))). The quadratic
// form is one chunk of length L. One workgroup per 64×64 tile of a chunk's block (z = chunk),
// 16×16 invocations of 4×4 entries each, C·B by common/tiled-scores.wgsl. The decay sums are taken
// from the tile's first column s0: cs(x) = Σ_{r=s0+1..x}, the span (s0, t0] by a tree reduction,
// then running sums along the tile's rows and columns.
// Tiles wholly above the diagonal return at once; entries s > t are never written or read.

#include "common/tiled-scores.wgsl"

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read> C: array<f32>;
@group(0) @binding(4) var<storage, read_write> S: array<f32>;

var<workgroup> logT: array<f32, 64>;
var<workgroup> logS: array<f32, 64>;
var<workgroup> partial: array<f32, 256>;

/** The first token of the chunk this workgroup works on. */
var<private> chunkStart: u32;

fn scoreX(t: u32, i: u32) -> f32 { return C[(chunkStart + t) * params.N + i]; }
fn scoreY(s: u32, i: u32) -> f32 { return B[(chunkStart + s) * params.N + i]; }

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let N = params.N;
  let w = params.width;
  let c0 = wid.z * params.chunk;
  let n = min(params.chunk, L - c0);
  let t0 = wid.y * TILE;
  let s0 = wid.x * TILE;
  if (s0 > t0 + TILE - 1u || t0 >= n) { return; }
  chunkStart = c0;

  // cs(c0 + t0) over the span (s0, t0] of the chunk.
  var span = 0.0;
  for (var r = s0 + 1u + li; r <= t0; r += 256u) { span += log(a[c0 + r]); }
  partial[li] = span;
  workgroupBarrier();
  for (var stride = 128u; stride > 0u; stride /= 2u) {
    if (li < stride) { partial[li] += partial[li + stride]; }
    workgroupBarrier();
  }
  if (li == 0u) {
    var sum = partial[0];
    logT[0] = sum;
    for (var i = 1u; i < TILE; i++) {
      sum += select(0.0, log(a[c0 + min(t0 + i, n - 1u)]), t0 + i < n);
      logT[i] = sum;
    }
  }
  if (li == 1u) {
    var sum = 0.0;
    logS[0] = 0.0;
    for (var j = 1u; j < TILE; j++) {
      sum += select(0.0, log(a[c0 + min(s0 + j, n - 1u)]), s0 + j < n);
      logS[j] = sum;
    }
  }

  let acc = tiledScores(n, N, t0, s0, lid, li);
  workgroupBarrier();
  let base = wid.z * w * w;
  for (var x = 0u; x < MICRO_M; x++) {
    let tl = lid.y * MICRO_M + x;
    let t = t0 + tl;
    for (var y = 0u; y < MICRO_N; y++) {
      let sl = lid.x * MICRO_N + y;
      let s = s0 + sl;
      if (t < n && s <= t) { S[base + t * w + s] = exp(logT[tl] - logS[sl]) * acc[x][y]; }
    }
  }
}
