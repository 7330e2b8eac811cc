// Chunked forms (MIXERS.md §2, §3), step 2 of chunk c: with A the chunk's causal block
// (W×W, W = min(chunk, L)) and S the state carried from earlier chunks,
//   y_{c0+i} = Σ_{s≤i} A[i,s] v_{c0+s} + q̃_iᵀ S,
// one tiled product over a joined inner index (len + d): [A | Q̃_c] · [V_c ; S], one workgroup per
// 64×64 tile of the chunk's rows × dv through the register-blocked tile (common/tiled-matmul.wgsl:
// a MICRO_M×4 micro-tile per invocation from vec4 loads of workgroup memory). With NORMALIZED the
// product is divided by [A | Q̃_c] · [1 ; z] (linear attention's denominator): the tile's row sums
// give Σ_{s≤i} A[i,s] + Σ_k q̃_i[k], and Σ_k q̃_i[k]·(z[k] − 1) completes it. The including file
// declares the attention family's Params, A, V, S and Y by these names, and supplies
//   const NORMALIZED: bool        fn chunkQuery(i: u32, c0: u32, k: u32) -> f32   (q̃_i[k], i < len)
//   fn chunkNormalizer(k: u32) -> f32                                            (z[k], k < d)
// The entry point is @workgroup_size(WG_X, WG_Y) and says where chunk c's block starts in A and
// its incoming state in S (0 and 0 in the sequential loop's shared buffers; the c-th slices in the
// parallel form's every-chunk buffers).

#include "common/tiled-matmul.wgsl"

// The chunk this workgroup works on.
var<private> outputChunkStart: u32;
var<private> outputChunkLength: u32;
var<private> outputBlockOffset: u32;
var<private> outputStateOffset: u32;

fn matmulA(i: u32, k: u32) -> f32 {
  let len = outputChunkLength;
  if (k < len) { return select(0.0, A[outputBlockOffset + i * min(params.chunk, params.L) + k], k <= i); }
  return chunkQuery(i, outputChunkStart, k - len);
}

fn matmulB(k: u32, j: u32) -> f32 {
  let len = outputChunkLength;
  if (k < len) { return V[(outputChunkStart + k) * params.dv + j]; }
  return S[outputStateOffset + (k - len) * params.dv + j];
}

fn chunkOutput(c: u32, blockOffset: u32, stateOffset: u32, wid: vec3<u32>, lid: vec3<u32>, li: u32) {
  let d = params.d;
  let dv = params.dv;
  let c0 = c * params.chunk;
  let len = min(params.chunk, params.L - c0);
  let i0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  if (i0 >= len) { return; }
  outputChunkStart = c0;
  outputChunkLength = len;
  outputBlockOffset = blockOffset;
  outputStateOffset = stateOffset;
  let tile = tiledMatmul(len, dv, len + d, i0, j0, lid, li, NORMALIZED);
  for (var x = 0u; x < MICRO_M; x++) {
    let i = i0 + lid.y * MICRO_M + x;
    if (i >= len) { continue; }
    var den = 1.0;
    if (NORMALIZED) {
      den = tile.rowSum[x];
      for (var k = 0u; k < d; k++) { den += chunkQuery(i, c0, k) * (chunkNormalizer(k) - 1.0); }
    }
    for (var y = 0u; y < MICRO_N; y++) {
      let j = j0 + lid.x * MICRO_N + y;
      if (j < dv) { Y[(c0 + i) * dv + j] = select(tile.acc[x][y], tile.acc[x][y] / den, NORMALIZED); }
    }
  }
}
