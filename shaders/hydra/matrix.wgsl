// Hydra, materialized form (MIXERS.md §12): the full L×L quasiseparable matrix
//   M_ts = (C_{t−1}·B_s)·a_{s+1}…a_{t−1}  (s < t),   Dskip  (s = t),   (C_{t+1}·B_s)·a_{t+1}…a_{s−1}  (s > t),
// so that Y = M X equals shift(SS(X)) + flip(shift(SS(flip X))) + Dskip·X. One workgroup per 64×64
// tile, a MICRO_M×4 micro-tile per invocation from vec4 loads of workgroup memory
// (common/tiled-scores.wgsl; MICRO_M and DEPTH are the matmul configuration's): C_{t−1}·B_s below
// the diagonal, C_{t+1}·B_s above it, diagonal tiles taking both. Decays are exp of differences of
// cs(x) = Σ_{r=base+1..x} log a_r, base = min(t0, s0): the span between the tiles by a tree
// reduction, then running sums along the tile's rows and columns, so every exponent is ≤ 0.

#include "common/tiled-scores.wgsl"

struct Params { L: u32, N: u32, P: u32, Dskip: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read> C: array<f32>;
@group(0) @binding(4) var<storage, read_write> M: array<f32>;

var<workgroup> logT: array<f32, 64>;
var<workgroup> logS: array<f32, 64>;
var<workgroup> ownT: array<f32, 64>;
var<workgroup> ownS: array<f32, 64>;
var<workgroup> partial: array<f32, 256>;

/** Which readout row the scores take: C_{t−1} (below the diagonal) or C_{t+1} (above). */
var<private> readoutBelow: bool;

fn scoreX(t: u32, i: u32) -> f32 {
  if (readoutBelow) { return select(0.0, C[(max(t, 1u) - 1u) * params.N + i], t >= 1u); }
  return select(0.0, C[min(t + 1u, params.L - 1u) * params.N + i], t + 1u < params.L);
}
fn scoreY(s: u32, i: u32) -> f32 { return B[s * params.N + i]; }

/** cs over one tile's 64 positions from `start`, offset by `first`, and each position's own log a. */
fn runningLogs(start: u32, first: f32, into_t: bool) {
  let L = params.L;
  var sum = first;
  for (var i = 0u; i < TILE; i++) {
    let la = select(0.0, log(a[min(start + i, L - 1u)]), start + i < L);
    if (i > 0u) { sum += la; }
    if (into_t) { logT[i] = sum; ownT[i] = la; } else { logS[i] = sum; ownS[i] = la; }
  }
}

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let N = params.N;
  let t0 = wid.y * TILE;
  let s0 = wid.x * TILE;
  let below = s0 < t0 + TILE - 1u;
  let above = t0 < s0 + TILE - 1u;
  let lo = min(t0, s0);
  let hi = max(t0, s0);
  var span = 0.0;
  for (var r = lo + 1u + li; r <= hi; r += WG_SIZE) { span += log(a[r]); }
  partial[li] = span;
  workgroupBarrier();
  for (var stride = WG_SIZE / 2u; stride > 0u; stride /= 2u) {
    if (li < stride) { partial[li] += partial[li + stride]; }
    workgroupBarrier();
  }
  if (li == 0u) { runningLogs(t0, select(0.0, partial[0], t0 > s0), true); }
  if (li == 1u) { runningLogs(s0, select(0.0, partial[0], s0 > t0), false); }

  var low: MicroTile;
  var high: MicroTile;
  if (below) {
    readoutBelow = true;
    low = tiledScores(L, N, t0, s0, lid, li);
  }
  if (above) {
    readoutBelow = false;
    high = tiledScores(L, N, t0, s0, lid, li);
  }
  workgroupBarrier();
  for (var x = 0u; x < MICRO_M; x++) {
    let i = lid.y * MICRO_M + x;
    let t = t0 + i;
    for (var y = 0u; y < MICRO_N; y++) {
      let j = lid.x * MICRO_N + y;
      let s = s0 + j;
      if (t < L && s < L) {
        var m = params.Dskip;
        if (s < t) { m = exp(logT[i] - ownT[i] - logS[j]) * low[x][y]; }
        if (s > t) { m = exp(logS[j] - ownS[j] - logT[i]) * high[x][y]; }
        M[t * L + s] = m;
      }
    }
  }
}
