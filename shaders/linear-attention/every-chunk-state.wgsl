// Linear attention, parallel chunked form (MIXERS.md §2), stage 1: every chunk's own contribution
// at once, chunk c = workgroup z, into slice c of the chunk states (d·dv + d values):
//   ΔS_c = φK_cᵀ V_c (d×dv),   Δz_c = Σ_s φ(k_{c0+s}) (d, from the tile's row sums),
// a 64×64 tile per workgroup (common/chunk-state.wgsl); Δz written by the first column of
// invocations of the first column of workgroups. common/chunk-carry.wgsl then makes each slice
// the (S, z) entering its chunk.

#include "common/chunk-state.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> phiK: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read_write> states: array<f32>;

fn chunkKey(c0: u32, len: u32, s: u32, r: u32) -> f32 { return phiK[(c0 + s) * params.d + r]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let d = params.d;
  let dv = params.dv;
  let c0 = wid.z * params.chunk;
  let len = min(params.chunk, params.L - c0);
  let r0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  let base = wid.z * (d * dv + d);
  let tile = chunkStateTile(c0, len, r0, j0, lid, li, wid.x == 0u);
  for (var x = 0u; x < MICRO_M; x++) {
    let r = r0 + lid.y * MICRO_M + x;
    for (var y = 0u; y < MICRO_N; y++) {
      let j = j0 + lid.x * MICRO_N + y;
      if (r < d && j < dv) { states[base + r * dv + j] = tile.acc[x][y]; }
    }
    if (r < d && wid.x == 0u && lid.x == 0u) { states[base + d * dv + r] = tile.rowSum[x]; }
  }
}
