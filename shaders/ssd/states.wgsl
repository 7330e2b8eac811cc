// SSD chunked form (MIXERS.md §6), stage 2: the state each chunk alone leaves at its end,
// H_c[n,p] = Σ_{s in c} exp(decay[end] − decay[s])·B_s[n]·X_s[p], an (N×Q)·(Q×P) product per chunk:
// one workgroup per 64×64 tile of H_c (z = chunk) through the register-blocked tile
// (common/tiled-matmul.wgsl: a MICRO_M×4 micro-tile per invocation from vec4 loads of workgroup
// memory), the inner index running over the chunk's tokens; the decay weight is applied as B is
// loaded. The weight is exp of a difference of log-decay sums within one chunk, ≤ 0, so it never
// overflows.

#include "common/tiled-matmul.wgsl"

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> decay: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read> X: array<f32>;
@group(0) @binding(4) var<storage, read_write> H: array<f32>;

// The chunk this workgroup works on: its first token and its log-decay sum at its last token.
var<private> chunkStart: u32;
var<private> toEnd: f32;

fn matmulA(n: u32, s: u32) -> f32 {
  let t = chunkStart + s;
  return exp(toEnd - decay[t]) * B[t * params.N + n];
}
fn matmulB(s: u32, p: u32) -> f32 { return X[(chunkStart + s) * params.P + p]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let N = params.N;
  let P = params.P;
  let c0 = wid.z * params.chunk;
  let len = min(params.chunk, params.L - c0);
  chunkStart = c0;
  toEnd = decay[c0 + len - 1u];
  let n0 = wid.y * TILE;
  let p0 = wid.x * TILE;
  let tile = tiledMatmul(N, P, len, n0, p0, lid, li, false);
  for (var r = 0u; r < MICRO_M; r++) {
    let n = n0 + lid.y * MICRO_M + r;
    for (var q = 0u; q < MICRO_N; q++) {
      let p = p0 + lid.x * MICRO_N + q;
      if (n < N && p < P) { H[wid.z * N * P + n * P + p] = tile.acc[r][q]; }
    }
  }
}
