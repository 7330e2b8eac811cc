// SSD chunked form (MIXERS.md §6), stage 4: the entering state's share of every output of its chunk,
// Y_t += exp(decay[t])·h_inᵀ C_t, a (Q×N)·(N×P) product per chunk. One workgroup per 64×64 tile of
// the chunk's rows × P columns (z = chunk; common/tiled-matmul.wgsl). Chunk 0 enters with the zero
// state and is left as stage 1 wrote it.

#include "common/tiled-matmul.wgsl"

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> decay: array<f32>;
@group(0) @binding(2) var<storage, read> C: array<f32>;
@group(0) @binding(3) var<storage, read> H: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;

// The chunk this workgroup works on: its first token and the offset of its entering state in H.
var<private> chunkStart: u32;
var<private> stateBase: u32;

fn matmulA(t: u32, i: u32) -> f32 { return C[(chunkStart + t) * params.N + i]; }
fn matmulB(i: u32, p: u32) -> f32 { return H[stateBase + i * params.P + p]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let N = params.N;
  let P = params.P;
  let c0 = wid.z * params.chunk;
  let len = min(params.chunk, params.L - c0);
  let t0 = wid.y * TILE;
  let p0 = wid.x * TILE;
  if (wid.z == 0u || t0 >= len) { return; }
  chunkStart = c0;
  stateBase = wid.z * N * P;
  let tile = tiledMatmul(len, P, N, t0, p0, lid, li, false);
  for (var r = 0u; r < MICRO_M; r++) {
    let t = t0 + lid.y * MICRO_M + r;
    for (var s = 0u; s < MICRO_N; s++) {
      let p = p0 + lid.x * MICRO_N + s;
      if (t < len && p < P) { Y[(c0 + t) * P + p] += exp(decay[c0 + t]) * tile.acc[r][s]; }
    }
  }
}
