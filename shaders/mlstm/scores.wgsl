// mLSTM, parallel form (MIXERS.md §7), pass 2: S[t,s] = exp(ĩ_s + F_t − F_s − m_t)·(q_t·k_s)/√d for
// s ≤ t, the stabilized gate times the scaled score. One workgroup per 64×64 tile of S, 4×4 entries
// per invocation, Q and K rows streaming through workgroup memory 16 columns of d at a time. Tiles
// wholly above the diagonal return at once; entries s > t are never written or read.

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> igate: array<f32>;
@group(0) @binding(4) var<storage, read> logF: array<f32>;
@group(0) @binding(5) var<storage, read> rowMax: array<f32>;
@group(0) @binding(6) var<storage, read_write> S: array<f32>;

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
      let t = t0 + row;
      let s = s0 + row;
      let i = k0 + col;
      Qs[col][row] = select(0.0, Q[min(t, L - 1u) * d + min(i, d - 1u)], t < L && i < d);
      Ks[col][row] = select(0.0, K[min(s, L - 1u) * d + min(i, d - 1u)], s < L && i < d);
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
    if (t >= L) { continue; }
    let Ft = logF[t] - rowMax[t];
    for (var y = 0u; y < BLOCK; y++) {
      let s = s0 + lid.x * BLOCK + y;
      if (s <= t) { S[t * L + s] = exp(igate[s] + Ft - logF[s]) * acc[x][y] * params.scale; }
    }
  }
}
