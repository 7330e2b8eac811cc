// Chunked forms (MIXERS.md §2, §3), step 3 of chunk c = step.index: the chunk's contribution to the
// carried state, a d×dv product K̃_cᵀ·V_c over the chunk's rows, 16×16 tiles, one entry (r, j) per
// invocation. The including file declares the attention family's Params, step and V by these
// names and supplies the weighted keys:
//   fn chunkKey(c0: u32, len: u32, s: u32, r: u32) -> f32     (k̃_{c0+s}[r], s < len, r < d)

const STATE_TILE: u32 = 16u;
var<workgroup> Ks: array<array<f32, 16>, 16>;
var<workgroup> Vs: array<array<f32, 16>, 16>;

/** (Σ_s k̃_s[r]·v_s[j], Σ_s k̃_s[r]) for this invocation's (r, j); the chunk is c0 .. c0 + len − 1. */
fn chunkStateProduct(wid: vec3<u32>, lid: vec3<u32>, c0: u32, len: u32) -> vec2<f32> {
  let d = params.d;
  let dv = params.dv;
  let j = wid.x * STATE_TILE + lid.x;
  var acc = 0.0;
  var keySum = 0.0;
  for (var s0 = 0u; s0 < len; s0 += STATE_TILE) {
    // Ks[s][r] = k̃_{c0+s}[r], Vs[s][j] = v_{c0+s}[j], both loaded along a row.
    let s = s0 + lid.y;
    let rk = wid.y * STATE_TILE + lid.x;
    Ks[lid.y][lid.x] = select(0.0, chunkKey(c0, len, min(s, len - 1u), min(rk, d - 1u)), s < len && rk < d);
    Vs[lid.y][lid.x] = select(0.0, V[(c0 + min(s, len - 1u)) * dv + min(j, dv - 1u)], s < len && j < dv);
    workgroupBarrier();
    for (var x = 0u; x < STATE_TILE; x++) {
      acc += Ks[x][lid.y] * Vs[x][lid.x];
      keySum += Ks[x][lid.y];
    }
    workgroupBarrier();
  }
  return vec2<f32>(acc, keySum);
}
