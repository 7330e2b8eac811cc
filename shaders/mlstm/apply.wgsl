// mLSTM, parallel form (MIXERS.md §7), pass 3: h_t = Σ_{s≤t} S[t,s]·v_s / max(|Σ_{s≤t} S[t,s]|, e^{−m_t}).
// One workgroup per 64×64 tile of Y (rows t × dv columns), 4×4 per invocation; S and V stream through
// workgroup memory 16 tokens at a time, and each invocation also sums its four rows of S for the
// normalizer. The sum over s stops at the tile's last row; entries s > t are masked.

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> S: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read> rowMax: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> As: array<array<f32, 64>, 16>;
var<workgroup> Vs: array<array<f32, 64>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let dv = params.dv;
  let t0 = wid.y * TILE;
  let j0 = wid.x * TILE;
  let last = min(L, t0 + TILE);
  var acc: array<array<f32, 4>, 4>;
  var rowSum: array<f32, 4>;
  for (var k0 = 0u; k0 < last; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let row = flat / DEPTH;
      let col = flat % DEPTH;
      let t = t0 + row;
      let s = k0 + col;
      As[col][row] = select(0.0, S[min(t, L - 1u) * L + min(s, L - 1u)], t < L && s <= t);
      let vs = k0 + flat / TILE;
      let j = j0 + flat % TILE;
      Vs[flat / TILE][flat % TILE] = select(0.0, V[min(vs, L - 1u) * dv + min(j, dv - 1u)], vs < L && j < dv);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var a: array<f32, 4>;
      var v: array<f32, 4>;
      for (var b = 0u; b < BLOCK; b++) {
        a[b] = As[c][lid.y * BLOCK + b];
        v[b] = Vs[c][lid.x * BLOCK + b];
      }
      for (var x = 0u; x < BLOCK; x++) {
        rowSum[x] += a[x];
        for (var y = 0u; y < BLOCK; y++) { acc[x][y] += a[x] * v[y]; }
      }
    }
    workgroupBarrier();
  }
  for (var x = 0u; x < BLOCK; x++) {
    let t = t0 + lid.y * BLOCK + x;
    if (t >= L) { continue; }
    let denominator = max(abs(rowSum[x]), exp(-rowMax[t]));
    for (var y = 0u; y < BLOCK; y++) {
      let j = j0 + lid.x * BLOCK + y;
      if (j < dv) { Y[t * dv + j] = acc[x][y] / denominator; }
    }
  }
}
