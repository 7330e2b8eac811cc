// Chunked forms (MIXERS.md §2, §3), step 2 of chunk c = step.index: with A the chunk's causal block
// (W×W, W = min(chunk, L)) and S the state carried from earlier chunks,
//   y_{c0+i} = Σ_{s≤i} A[i,s] v_{c0+s} + q̃_iᵀ S,
// one tiled product over a joined inner index (len + d): [A | Q̃_c] · [V_c ; S], 16×16 tiles, one
// output per invocation. With NORMALIZED the same product against [1 ; z] divides it (linear
// attention's denominator). The including file declares the attention family's Params, step, A,
// V, S and Y by these names, and supplies
//   const NORMALIZED: bool        fn chunkQuery(i: u32, c0: u32, k: u32) -> f32   (q̃_i[k], i < len)
//   fn chunkNormalizer(k: u32) -> f32                                            (z[k], k < d)

const CHUNK_TILE: u32 = 16u;
var<workgroup> Ls: array<array<f32, 16>, 16>;
var<workgroup> Rs: array<array<f32, 16>, 16>;
var<workgroup> Zs: array<f32, 16>;

/** The weight of inner index k in the denominator: 1 over the chunk, z past it. */
fn denominatorWeight(k: u32, len: u32, inner: u32) -> f32 {
  if (k < len) { return 1.0; }
  if (NORMALIZED && k < inner) { return chunkNormalizer(k - len); }
  return 0.0;
}

fn chunkOutput(wid: vec3<u32>, lid: vec3<u32>) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let W = min(params.chunk, L);
  let c0 = step.index * params.chunk;
  let len = min(params.chunk, L - c0);
  let i0 = wid.y * CHUNK_TILE;
  let j0 = wid.x * CHUNK_TILE;
  if (i0 >= len) { return; }
  let i = i0 + lid.y;
  let j = j0 + lid.x;
  let inner = len + d;
  var num = 0.0;
  var den = 0.0;
  for (var k0 = 0u; k0 < inner; k0 += CHUNK_TILE) {
    // Left: row i0+lid.y, inner column k0+lid.x. Right: inner row k0+lid.y, column j0+lid.x.
    let kl = k0 + lid.x;
    let row = min(i, len - 1u);
    var left = 0.0;
    if (i < len && kl < len) {
      left = select(0.0, A[row * W + kl], kl <= i);
    } else if (i < len && kl < inner) {
      left = chunkQuery(row, c0, kl - len);
    }
    Ls[lid.y][lid.x] = left;
    let kr = k0 + lid.y;
    var right = 0.0;
    if (j < dv && kr < len) {
      right = V[(c0 + kr) * dv + j];
    } else if (j < dv && kr < inner) {
      right = S[(kr - len) * dv + j];
    }
    Rs[lid.y][lid.x] = right;
    if (NORMALIZED && lid.y == 0u) { Zs[lid.x] = denominatorWeight(kl, len, inner); }
    workgroupBarrier();
    for (var x = 0u; x < CHUNK_TILE; x++) {
      num += Ls[lid.y][x] * Rs[x][lid.x];
      if (NORMALIZED) { den += Ls[lid.y][x] * Zs[x]; }
    }
    workgroupBarrier();
  }
  if (i < len && j < dv) { Y[(c0 + i) * dv + j] = select(num, num / den, NORMALIZED); }
}
