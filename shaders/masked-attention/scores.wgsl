// Structured-mask attention, quadratic form, step 2: S[t,s] = (q_t·k_s)·M[t,s] for s ≤ t.
// One workgroup per 64×64 tile, 4×4 per invocation in registers, Q and K rows through workgroup
// memory 16 columns at a time; tiles wholly above the diagonal return at once.

struct Params { L: u32, d: u32, dv: u32, mask: u32, lambda: f32, block: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> M: array<f32>;
@group(0) @binding(4) var<storage, read_write> S: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> Qs: array<array<f32, 64>, 16>;
var<workgroup> Ks: array<array<f32, 64>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let t0 = wid.y * TILE;
  let s0 = wid.x * TILE;
  if (s0 > t0 + TILE - 1u) { return; }
  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < d; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let row = flat / DEPTH;
      let col = flat % DEPTH;
      let i = k0 + col;
      Qs[col][row] = select(0.0, Q[min(t0 + row, L - 1u) * d + min(i, d - 1u)], t0 + row < L && i < d);
      Ks[col][row] = select(0.0, K[min(s0 + row, L - 1u) * d + min(i, d - 1u)], s0 + row < L && i < d);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var q: array<f32, 4>;
      var k: array<f32, 4>;
      for (var b = 0u; b < BLOCK; b++) {
        q[b] = Qs[c][lid.y * BLOCK + b];
        k[b] = Ks[c][lid.x * BLOCK + b];
      }
      for (var x = 0u; x < BLOCK; x++) {
        for (var y = 0u; y < BLOCK; y++) { acc[x][y] += q[x] * k[y]; }
      }
    }
    workgroupBarrier();
  }
  for (var x = 0u; x < BLOCK; x++) {
    let t = t0 + lid.y * BLOCK + x;
    for (var y = 0u; y < BLOCK; y++) {
      let s = s0 + lid.x * BLOCK + y;
      if (t < L && s <= t) { S[t * L + s] = acc[x][y] * M[t * L + s]; }
    }
  }
}
