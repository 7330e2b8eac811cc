// Softmax attention, fused form (MIXERS.md §1): online softmax, FlashAttention-2 style, on register
// tiles. A workgroup owns ROWS query rows and one slab of value columns; key/value tiles of KEYS rows
// stream through workgroup memory. Per row it keeps a running max m, sum ℓ and output o:
//   m' = max(m, max_s S_ts),  ℓ' = ℓ·e^{m−m'} + Σ_s e^{S_ts−m'},  o' = o·e^{m−m'} + Σ_s e^{S_ts−m'} v_s,
// and y_t = o/ℓ at the end. Nothing of size L×L is ever allocated.
// Invocations are GROUPS × LANES: group g owns rows g·ROWS_PER … +ROWS_PER−1, lane j keys 4j … 4j+3
// of each tile (a ROWS_PER×4 micro-tile of scores from one vec4 of keys and ROWS_PER/4 vec4s of
// queries per step of d) and value columns 4j … 4j+3 of each chunk of KEYS columns (a ROWS_PER×4
// micro-tile of the output per chunk, CHUNKS chunks per slab, so ROWS_PER·CHUNKS = 16 vec4 registers).
// The rows' maxima are split across the LANES invocations of a group, so each writes its partial max
// to one small workgroup array (Part) and reads the group's back: a vec4 register of another
// invocation cannot be read in WGSL. ℓ needs no such exchange: every invocation of a group reads the
// whole P row block in P·V anyway and sums it there. Key tiles past the block's last row are
// skipped (causal); the diagonal tile is masked. A dv wider than one slab takes more workgroups
// (dispatch z), each recomputing the scores: no dv is refused.
// Overridable per pipeline (the autotuner's configurations, src-main/gpu/wgsl/fused-config.ts):
//   ROWS 32, 64 or 128; KEYS 32 (keys per tile, depth of a Q/K stage, columns per chunk);
//   ROWS_PER 4 or 8 (multiple of 4). Workgroup memory: (ROWS + KEYS)·KEYS + LANES·ROWS floats.

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;

const ACC: u32 = 16u;
const NEG: f32 = -3.0e38;

override ROWS: u32 = 32u;
override KEYS: u32 = 32u;
override ROWS_PER: u32 = 4u;
override LANES: u32 = KEYS / 4u;
override WG_SIZE: u32 = (ROWS / ROWS_PER) * LANES;
override ROWS4: u32 = ROWS / 4u;
override CHUNKS: u32 = ACC / ROWS_PER;
override TILE_VEC4: u32 = (ROWS + KEYS) * KEYS / 4u;
override PART_VEC4: u32 = LANES * ROWS / 4u;

// Scoring: Q block [depth][row / 4] at 0, K tile [depth][key / 4] at KEYS·ROWS4.
// Accumulating: P [key][row / 4] at 0, V chunk [key][column / 4] at KEYS·ROWS4.
var<workgroup> Tile: array<vec4<f32>, TILE_VEC4>;
// Partial row maxima [lane][row / 4].
var<workgroup> Part: array<vec4<f32>, PART_VEC4>;

fn queryAt(row: u32, col: u32) -> f32 {
  return select(0.0, Q[min(row, params.L - 1u) * params.d + min(col, params.d - 1u)], row < params.L && col < params.d);
}

fn keyAt(row: u32, col: u32) -> f32 {
  return select(0.0, K[min(row, params.L - 1u) * params.d + min(col, params.d - 1u)], row < params.L && col < params.d);
}

fn valueAt(row: u32, col: u32) -> f32 {
  return select(0.0, V[min(row, params.L - 1u) * params.dv + min(col, params.dv - 1u)], row < params.L && col < params.dv);
}

@compute @workgroup_size(WG_SIZE)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let d = params.d;
  let dv = params.dv;
  let t0 = (wid.x + wid.y * groups.x) * ROWS;
  let c0 = wid.z * CHUNKS * KEYS;
  if (t0 >= L || c0 >= dv) { return; }
  let lane = li % LANES;
  let rv = (li / LANES) * (ROWS_PER / 4u);
  let r0 = t0 + rv * 4u;
  let kb = KEYS * ROWS4;
  let chunks = min((dv - c0 + KEYS - 1u) / KEYS, CHUNKS);
  var acc: array<vec4<f32>, 16>;
  var m: array<f32, 8>;
  var l: array<f32, 8>;
  for (var r = 0u; r < ROWS_PER; r++) { m[r] = NEG; }
  let end = min(L, t0 + ROWS);
  for (var s0 = 0u; s0 < end; s0 += KEYS) {
    // s[r]: scores of row r0 + r with keys s0 + 4·lane … +3.
    // Zeroed by hand each tile: SwiftShader's Vulkan path kept a loop-local array's values from the
    // previous iteration instead of zero-initializing it at its declaration (scores summed across tiles).
    var s: array<vec4<f32>, 8>;
    for (var r = 0u; r < 8u; r++) { s[r] = vec4<f32>(0.0); }
    for (var k0 = 0u; k0 < d; k0 += KEYS) {
      for (var e = li; e < kb + KEYS * LANES; e += WG_SIZE) {
        if (e < kb) {
          let row = t0 + (e % ROWS4) * 4u;
          let col = k0 + e / ROWS4;
          Tile[e] = vec4<f32>(queryAt(row, col), queryAt(row + 1u, col), queryAt(row + 2u, col), queryAt(row + 3u, col));
        } else {
          let key = s0 + ((e - kb) % LANES) * 4u;
          let col = k0 + (e - kb) / LANES;
          Tile[e] = vec4<f32>(keyAt(key, col), keyAt(key + 1u, col), keyAt(key + 2u, col), keyAt(key + 3u, col));
        }
      }
      workgroupBarrier();
      for (var kk = 0u; kk < KEYS; kk++) {
        let k4 = Tile[kb + kk * LANES + lane];
        for (var i = 0u; i < ROWS_PER / 4u; i++) {
          let q4 = Tile[kk * ROWS4 + rv + i];
          s[4u * i] += q4.x * k4;
          s[4u * i + 1u] += q4.y * k4;
          s[4u * i + 2u] += q4.z * k4;
          s[4u * i + 3u] += q4.w * k4;
        }
      }
      workgroupBarrier();
    }
    // Mask (causal, rows past L), then this invocation's maxima of its rows over its 4 keys.
    let keys = vec4<u32>(s0 + lane * 4u) + vec4<u32>(0u, 1u, 2u, 3u);
    var partial: array<f32, 8>;
    for (var r = 0u; r < ROWS_PER; r++) {
      let t = r0 + r;
      let valid = select(vec4<bool>(false), keys <= vec4<u32>(t), t < L);
      s[r] = select(vec4<f32>(NEG), s[r] * params.scale, valid);
      partial[r] = max(max(s[r].x, s[r].y), max(s[r].z, s[r].w));
    }
    for (var i = 0u; i < ROWS_PER / 4u; i++) {
      Part[lane * ROWS4 + rv + i] = vec4<f32>(partial[4u * i], partial[4u * i + 1u], partial[4u * i + 2u], partial[4u * i + 3u]);
    }
    workgroupBarrier();
    var correction: array<f32, 8>;
    for (var i = 0u; i < ROWS_PER / 4u; i++) {
      var tile_max = vec4<f32>(NEG);
      for (var j = 0u; j < LANES; j++) { tile_max = max(tile_max, Part[j * ROWS4 + rv + i]); }
      for (var x = 0u; x < 4u; x++) {
        let r = 4u * i + x;
        let m_new = max(m[r], tile_max[x]);
        correction[r] = exp(m[r] - m_new);
        m[r] = m_new;
        s[r] = select(vec4<f32>(0.0), exp(s[r] - vec4<f32>(m_new)), s[r] > vec4<f32>(NEG));
      }
    }
    // P as [key][row / 4]: the micro-tile transposed on its way out.
    for (var x = 0u; x < 4u; x++) {
      for (var i = 0u; i < ROWS_PER / 4u; i++) {
        Tile[(lane * 4u + x) * ROWS4 + rv + i] = vec4<f32>(s[4u * i][x], s[4u * i + 1u][x], s[4u * i + 2u][x], s[4u * i + 3u][x]);
      }
    }
    for (var ch = 0u; ch < chunks; ch++) {
      let cc = c0 + ch * KEYS;
      for (var e = li; e < KEYS * LANES; e += WG_SIZE) {
        let key = s0 + e / LANES;
        let col = cc + (e % LANES) * 4u;
        Tile[kb + e] = vec4<f32>(valueAt(key, col), valueAt(key, col + 1u), valueAt(key, col + 2u), valueAt(key, col + 3u));
      }
      workgroupBarrier();
      var sums = array<vec4<f32>, 2>(vec4<f32>(0.0), vec4<f32>(0.0));
      for (var r = 0u; r < ROWS_PER; r++) { acc[ch * ROWS_PER + r] *= correction[r]; }
      for (var c = 0u; c < KEYS; c++) {
        let v4 = Tile[kb + c * LANES + lane];
        for (var i = 0u; i < ROWS_PER / 4u; i++) {
          let p4 = Tile[c * ROWS4 + rv + i];
          sums[i] += p4;
          let a = ch * ROWS_PER + 4u * i;
          acc[a] += p4.x * v4;
          acc[a + 1u] += p4.y * v4;
          acc[a + 2u] += p4.z * v4;
          acc[a + 3u] += p4.w * v4;
        }
      }
      if (ch == 0u) {
        for (var r = 0u; r < ROWS_PER; r++) { l[r] = l[r] * correction[r] + sums[r / 4u][r % 4u]; }
      }
      workgroupBarrier();
    }
  }
  for (var r = 0u; r < ROWS_PER; r++) {
    let t = r0 + r;
    if (t >= L) { continue; }
    for (var ch = 0u; ch < chunks; ch++) {
      let out = acc[ch * ROWS_PER + r] / l[r];
      for (var x = 0u; x < 4u; x++) {
        let j = c0 + ch * KEYS + lane * 4u + x;
        if (j < dv) { Y[t * dv + j] = out[x]; }
      }
    }
  }
}
