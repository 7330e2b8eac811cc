// SSD chunked form (MIXERS.md §6), stage 2: the state each chunk alone leaves at its end,
// H_c[n,p] = Σ_{s in c} exp(decay[end] − decay[s])·B_s[n]·X_s[p], an (N×Q)·(Q×P) product per chunk.
// One workgroup per 64×64 tile of H_c (z = chunk), 4×4 per invocation, 16 tokens of the chunk at
// a time through workgroup memory; the decay weight is applied as B is loaded.

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> decay: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read> X: array<f32>;
@group(0) @binding(4) var<storage, read_write> H: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> Bs: array<array<f32, 64>, 16>;
var<workgroup> Xs: array<array<f32, 64>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let N = params.N;
  let P = params.P;
  let c0 = wid.z * params.chunk;
  let len = min(params.chunk, L - c0);
  let toEnd = decay[c0 + len - 1u];
  let n0 = wid.y * TILE;
  let p0 = wid.x * TILE;
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < len; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let s = k0 + flat / TILE;
      let col = flat % TILE;
      let sc = c0 + min(s, len - 1u);
      let weight = exp(toEnd - decay[sc]);
      Bs[flat / TILE][col] = select(0.0, weight * B[sc * N + min(n0 + col, N - 1u)], s < len && n0 + col < N);
      Xs[flat / TILE][col] = select(0.0, X[sc * P + min(p0 + col, P - 1u)], s < len && p0 + col < P);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var b: array<f32, 4>;
      var x: array<f32, 4>;
      for (var q = 0u; q < BLOCK; q++) {
        b[q] = Bs[c][lid.y * BLOCK + q];
        x[q] = Xs[c][lid.x * BLOCK + q];
      }
      for (var r = 0u; r < BLOCK; r++) {
        for (var q = 0u; q < BLOCK; q++) { acc[r][q] += b[r] * x[q]; }
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < BLOCK; r++) {
    let n = n0 + lid.y * BLOCK + r;
    for (var q = 0u; q < BLOCK; q++) {
      let p = p0 + lid.x * BLOCK + q;
      if (n < N && p < P) { H[wid.z * N * P + n * P + p] = acc[r][q]; }
    }
  }
}
