// Softmax attention, fused form (MIXERS.md §1): online softmax, FlashAttention-style. A workgroup
// owns 16 query rows; key/value tiles of 16 rows stream through workgroup memory. Per row it keeps a
// running max m, running sum ℓ and running output o (in registers, 16 columns of dv per invocation):
//   m' = max(m, max_s S_ts),  ℓ' = ℓ·e^{m−m'} + Σ_s e^{S_ts−m'},  o' = o·e^{m−m'} + Σ_s e^{S_ts−m'} v_s,
// and y_t = o/ℓ at the end. Nothing of size L×L is ever allocated. Invocation (r, c): query row r
// of the block, key c of the tile, and value columns c, c+16, ... (dv ≤ 256).

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;

const TILE: u32 = 16u;
const MAX_CHUNKS: u32 = 16u;
const NEG: f32 = -3.0e38;

var<workgroup> Qs: array<array<f32, 16>, 16>;
var<workgroup> Ks: array<array<f32, 16>, 16>;
var<workgroup> P: array<array<f32, 16>, 16>;
var<workgroup> Vs: array<array<f32, 16>, 16>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
        @builtin(local_invocation_id) lid: vec3<u32>) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let t0 = (wid.x + wid.y * groups.x) * TILE;
  if (t0 >= L) { return; }
  let r = lid.y;
  let c = lid.x;
  let t = t0 + r;
  let chunks = (dv + TILE - 1u) / TILE;
  var acc: array<f32, 16>;
  var m = NEG;
  var l = 0.0;
  let end = min(L, t0 + TILE);
  for (var s0 = 0u; s0 < end; s0 += TILE) {
    // Score tile: dot(q_{t0+r}, k_{s0+c}) over d, 16 columns at a time.
    var dot = 0.0;
    for (var k0 = 0u; k0 < d; k0 += TILE) {
      let i = k0 + c;
      Qs[c][r] = select(0.0, Q[min(t, L - 1u) * d + min(i, d - 1u)], t < L && i < d);
      Ks[c][r] = select(0.0, K[min(s0 + r, L - 1u) * d + min(i, d - 1u)], s0 + r < L && i < d);
      workgroupBarrier();
      for (var x = 0u; x < TILE; x++) { dot += Qs[x][r] * Ks[x][c]; }
      workgroupBarrier();
    }
    let valid = t < L && s0 + c <= t;
    let score = dot * params.scale;
    P[r][c] = select(NEG, score, valid);
    workgroupBarrier();
    var tile_max = NEG;
    for (var x = 0u; x < TILE; x++) { tile_max = max(tile_max, P[r][x]); }
    let m_new = max(m, tile_max);
    let correction = exp(m - m_new);
    workgroupBarrier();
    P[r][c] = select(0.0, exp(score - m_new), valid);
    workgroupBarrier();
    var row_sum = 0.0;
    for (var x = 0u; x < TILE; x++) { row_sum += P[r][x]; }
    l = l * correction + row_sum;
    m = m_new;
    for (var k = 0u; k < chunks && k < MAX_CHUNKS; k++) {
      let j = k * TILE + c;
      Vs[r][c] = select(0.0, V[min(s0 + r, L - 1u) * dv + min(j, dv - 1u)], s0 + r < L && j < dv);
      workgroupBarrier();
      var pv = 0.0;
      for (var x = 0u; x < TILE; x++) { pv += P[r][x] * Vs[x][c]; }
      acc[k] = acc[k] * correction + pv;
      workgroupBarrier();
    }
  }
  for (var k = 0u; k < chunks && k < MAX_CHUNKS; k++) {
    let j = k * TILE + c;
    if (t < L && j < dv) { Y[t * dv + j] = acc[k] / l; }
  }
}
