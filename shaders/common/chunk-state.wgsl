// Chunked forms (MIXERS.md §2, §3), step 3 of chunk c = step.index: the chunk's contribution to the
// carried state, a d×dv product K̃_cᵀ·V_c over the chunk's rows, one workgroup per 64×64 tile of the
// state through the register-blocked tile (common/tiled-matmul.wgsl: a MICRO_M×4 micro-tile per
// invocation from vec4 loads of workgroup memory), the inner index running over the chunk's tokens.
// The including file declares the attention family's Params, step and V by these names and
// supplies the weighted keys:
//   fn chunkKey(c0: u32, len: u32, s: u32, r: u32) -> f32     (k̃_{c0+s}[r], s < len, r < d)
// The entry point is @workgroup_size(WG_X, WG_Y); tile.acc[x][y] is entry (r0 + lid.y·MICRO_M + x,
// j0 + lid.x·4 + y), tile.rowSum[x] (on request) Σ_s k̃_s[r] for that row.

#include "common/tiled-matmul.wgsl"

// The chunk this workgroup works on.
var<private> stateChunkStart: u32;
var<private> stateChunkLength: u32;

fn matmulA(r: u32, s: u32) -> f32 { return chunkKey(stateChunkStart, stateChunkLength, s, r); }
fn matmulB(s: u32, j: u32) -> f32 { return V[(stateChunkStart + s) * params.dv + j]; }

/** The (r0, j0) tile of K̃_cᵀ·V_c for the chunk c0 .. c0 + len − 1, with the key sums when asked. */
fn chunkStateTile(c0: u32, len: u32, r0: u32, j0: u32, lid: vec3<u32>, li: u32, keySums: bool) -> MatmulTile {
  stateChunkStart = c0;
  stateChunkLength = len;
  return tiledMatmul(params.d, params.dv, len, r0, j0, lid, li, keySums);
}
