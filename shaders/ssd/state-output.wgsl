// SSD chunked form (MIXERS.md §6), stage 4: the entering state's share of every output of its chunk,
// Y_t += exp(decay[t])·h_inᵀ C_t, a (Q×N)·(N×P) product per chunk. One workgroup per 64×64 tile of
// the chunk's rows × P columns (z = chunk), 4×4 per invocation, 16 of N at a time. Chunk 0 enters
// with the zero state and is left as stage 1 wrote it.

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> decay: array<f32>;
@group(0) @binding(2) var<storage, read> C: array<f32>;
@group(0) @binding(3) var<storage, read> H: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> Cs: array<array<f32, 64>, 16>;
var<workgroup> Hs: array<array<f32, 64>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let N = params.N;
  let P = params.P;
  let c0 = wid.z * params.chunk;
  let len = min(params.chunk, L - c0);
  let t0 = wid.y * TILE;
  let p0 = wid.x * TILE;
  if (wid.z == 0u || t0 >= len) { return; }
  let state = wid.z * N * P;
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < N; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let row = flat / DEPTH;
      let col = flat % DEPTH;
      let t = t0 + row;
      let i = k0 + col;
      Cs[col][row] = select(0.0, C[(c0 + min(t, len - 1u)) * N + min(i, N - 1u)], t < len && i < N);
      let hn = k0 + flat / TILE;
      let p = p0 + flat % TILE;
      Hs[flat / TILE][flat % TILE] = select(0.0, H[state + min(hn, N - 1u) * P + min(p, P - 1u)], hn < N && p < P);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var q: array<f32, 4>;
      var h: array<f32, 4>;
      for (var b = 0u; b < BLOCK; b++) {
        q[b] = Cs[c][lid.y * BLOCK + b];
        h[b] = Hs[c][lid.x * BLOCK + b];
      }
      for (var r = 0u; r < BLOCK; r++) {
        for (var s = 0u; s < BLOCK; s++) { acc[r][s] += q[r] * h[s]; }
      }
    }
    workgroupBarrier();
  }
  for (var r = 0u; r < BLOCK; r++) {
    let t = t0 + lid.y * BLOCK + r;
    for (var s = 0u; s < BLOCK; s++) {
      let p = p0 + lid.x * BLOCK + s;
      if (t < len && p < P) { Y[(c0 + t) * P + p] += exp(decay[c0 + t]) * acc[r][s]; }
    }
  }
}
