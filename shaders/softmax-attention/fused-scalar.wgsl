// The fused form's kernel before the register-blocked one (fused.wgsl), kept as `npm run bench`'s
// baseline only: no plan runs it. Online softmax, FlashAttention-2 style. A workgroup
// owns 32 query rows; key/value tiles of 32 rows stream through workgroup memory. Per row it keeps a
// running max m, running sum ℓ and running output o (registers):
//   m' = max(m, max_s S_ts),  ℓ' = ℓ·e^{m−m'} + Σ_s e^{S_ts−m'},  o' = o·e^{m−m'} + Σ_s e^{S_ts−m'} v_s,
// and y_t = o/ℓ at the end. Nothing of size L×L is ever allocated. 256 invocations = 32 rows × 8
// lanes: lane ℓ computes the scores of keys ℓ, ℓ+8, ℓ+16, ℓ+24 of the tile and owns value columns
// ℓ, ℓ+8, ... (dv ≤ 256). Key tiles past the block's last row are skipped (causal). One workgroup
// array holds the key tile during the scores and the value tile during P·V (12 KiB in all).

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;

const ROWS: u32 = 32u;
const KEYS: u32 = 32u;
const LANES: u32 = 8u;
const DEPTH: u32 = 32u;
const MAX_CHUNKS: u32 = 8u;
const NEG: f32 = -3.0e38;

var<workgroup> Qs: array<array<f32, 32>, 32>;
// Keys as [depth][key] while scoring, values as [key][column] while accumulating.
var<workgroup> KV: array<array<f32, 32>, 32>;
var<workgroup> P: array<array<f32, 33>, 32>;

@compute @workgroup_size(256)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let t0 = (wid.x + wid.y * groups.x) * ROWS;
  if (t0 >= L) { return; }
  let r = li / LANES;
  let lane = li % LANES;
  let t = t0 + r;
  let chunks = min((dv + KEYS - 1u) / KEYS, MAX_CHUNKS);
  // Running outputs of columns ch·32 + lane + 8x, x = 0..3, as one vec4 per chunk ch.
  var acc: array<vec4<f32>, 8>;
  var m = NEG;
  var l = 0.0;
  let end = min(L, t0 + ROWS);
  for (var s0 = 0u; s0 < end; s0 += KEYS) {
    var score = vec4<f32>(0.0);
    for (var k0 = 0u; k0 < d; k0 += DEPTH) {
      for (var e = 0u; e < 4u; e++) {
        let flat = li + e * 256u;
        let kk = flat % DEPTH;
        let row = flat / DEPTH;
        let i = k0 + kk;
        Qs[kk][row] = select(0.0, Q[min(t0 + row, L - 1u) * d + min(i, d - 1u)], t0 + row < L && i < d);
        KV[kk][row] = select(0.0, K[min(s0 + row, L - 1u) * d + min(i, d - 1u)], s0 + row < L && i < d);
      }
      workgroupBarrier();
      for (var kk = 0u; kk < DEPTH; kk++) {
        score += Qs[kk][r] * vec4<f32>(KV[kk][lane], KV[kk][lane + LANES], KV[kk][lane + 2u * LANES], KV[kk][lane + 3u * LANES]);
      }
      workgroupBarrier();
    }
    for (var x = 0u; x < 4u; x++) {
      let valid = t < L && s0 + lane + LANES * x <= t;
      score[x] = select(NEG, score[x] * params.scale, valid);
      P[r][lane + LANES * x] = score[x];
    }
    workgroupBarrier();
    var tile_max = NEG;
    for (var c = 0u; c < KEYS; c++) { tile_max = max(tile_max, P[r][c]); }
    let m_new = max(m, tile_max);
    let correction = exp(m - m_new);
    workgroupBarrier();
    for (var x = 0u; x < 4u; x++) { P[r][lane + LANES * x] = select(0.0, exp(score[x] - m_new), score[x] > NEG); }
    workgroupBarrier();
    var row_sum = 0.0;
    for (var c = 0u; c < KEYS; c++) { row_sum += P[r][c]; }
    l = l * correction + row_sum;
    m = m_new;
    for (var ch = 0u; ch < chunks; ch++) {
      for (var e = 0u; e < 4u; e++) {
        let flat = li + e * 256u;
        let key = flat / KEYS;
        let col = ch * KEYS + flat % KEYS;
        KV[key][flat % KEYS] = select(0.0, V[min(s0 + key, L - 1u) * dv + min(col, dv - 1u)], s0 + key < L && col < dv);
      }
      workgroupBarrier();
      var pv = vec4<f32>(0.0);
      for (var c = 0u; c < KEYS; c++) {
        pv += P[r][c] * vec4<f32>(KV[c][lane], KV[c][lane + LANES], KV[c][lane + 2u * LANES], KV[c][lane + 3u * LANES]);
      }
      acc[ch] = acc[ch] * correction + pv;
      workgroupBarrier();
    }
  }
  for (var ch = 0u; ch < chunks; ch++) {
    let out = acc[ch] / l;
    for (var x = 0u; x < 4u; x++) {
      let j = ch * KEYS + lane + LANES * x;
      if (t < L && j < dv) { Y[t * dv + j] = out[x]; }
    }
  }
}
