// SSD (MIXERS.md §6), attention form, second half: Y_t = Σ_{s≤t in t's chunk} S[t,s]·X_s, S the
// decayed scores of scores.wgsl (one chunk of length L for the quadratic form). One workgroup per
// 64×64 tile of a chunk's rows × P columns (z = chunk; common/tiled-matmul.wgsl); the sum over s
// stops at the tile's last row and entries s > t are masked, so the upper triangle of S is never
// read.
// Writes every Y of its tile: the chunked form's later stage adds the carried state on top.

#include "common/tiled-matmul.wgsl"

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> S: array<f32>;
@group(0) @binding(2) var<storage, read> X: array<f32>;
@group(0) @binding(3) var<storage, read_write> Y: array<f32>;

// The chunk this workgroup works on: its first token and the offset of its w×w block of S.
var<private> chunkStart: u32;
var<private> scoreBase: u32;

fn matmulA(t: u32, s: u32) -> f32 { return select(0.0, S[scoreBase + t * params.width + s], s <= t); }
fn matmulB(s: u32, j: u32) -> f32 { return X[(chunkStart + s) * params.P + j]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let P = params.P;
  let c0 = wid.z * params.chunk;
  chunkStart = c0;
  scoreBase = wid.z * params.width * params.width;
  let n = min(params.chunk, L - c0);
  let t0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  if (t0 >= n) { return; }
  let tile = tiledMatmul(n, P, min(n, t0 + TILE), t0, j0, lid, li, false);
  for (var r = 0u; r < MICRO_M; r++) {
    let t = t0 + lid.y * MICRO_M + r;
    for (var q = 0u; q < MICRO_N; q++) {
      let j = j0 + lid.x * MICRO_N + q;
      if (t < n && j < P) { Y[(chunkStart + t) * P + j] = tile.acc[r][q]; }
    }
  }
}
