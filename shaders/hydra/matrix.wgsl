// Hydra, materialized form (MIXERS.md §12): the full L×L quasiseparable matrix
//   M_ts = (C_{t−1}·B_s)·a_{s+1}…a_{t−1}  (s < t),   Dskip  (s = t),   (C_{t+1}·B_s)·a_{t+1}…a_{s−1}  (s > t),
// so that Y = M X equals shift(SS(X)) + flip(shift(SS(flip X))) + Dskip·X. One workgroup per 64×64
// tile, 4×4 entries per invocation; rows C_{t−1} (below the diagonal) and C_{t+1} (above) and rows of
// B stream through workgroup memory 16 columns of N at a time, diagonal tiles taking both. Decays
// are exp of differences of cs(x) = Σ_{r=base+1..x} log a_r, base = min(t0, s0): the span between
// the tiles by a tree reduction, then running sums along the tile's rows and columns.

struct Params { L: u32, N: u32, P: u32, Dskip: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read> C: array<f32>;
@group(0) @binding(4) var<storage, read_write> M: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> Cm: array<array<f32, 64>, 16>;
var<workgroup> Cp: array<array<f32, 64>, 16>;
var<workgroup> Bs: array<array<f32, 64>, 16>;
var<workgroup> logT: array<f32, 64>;
var<workgroup> logS: array<f32, 64>;
var<workgroup> ownT: array<f32, 64>;
var<workgroup> ownS: array<f32, 64>;
var<workgroup> partial: array<f32, 256>;

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

@compute @workgroup_size(16, 16)
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
  for (var r = lo + 1u + li; r <= hi; r += 256u) { span += log(a[r]); }
  partial[li] = span;
  workgroupBarrier();
  for (var stride = 128u; stride > 0u; stride /= 2u) {
    if (li < stride) { partial[li] += partial[li + stride]; }
    workgroupBarrier();
  }
  if (li == 0u) { runningLogs(t0, select(0.0, partial[0], t0 > s0), true); }
  if (li == 1u) { runningLogs(s0, select(0.0, partial[0], s0 > t0), false); }

  var low: array<array<f32, 4>, 4>;
  var high: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < N; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let row = flat / DEPTH;
      let col = flat % DEPTH;
      let t = t0 + row;
      let s = s0 + row;
      let i = k0 + col;
      let ic = min(i, N - 1u);
      Bs[col][row] = select(0.0, B[min(s, L - 1u) * N + ic], s < L && i < N);
      if (below) { Cm[col][row] = select(0.0, C[min(t - 1u, L - 1u) * N + ic], t >= 1u && t - 1u < L && i < N); }
      if (above) { Cp[col][row] = select(0.0, C[min(t + 1u, L - 1u) * N + ic], t + 1u < L && i < N); }
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var b: array<f32, 4>;
      for (var q = 0u; q < BLOCK; q++) { b[q] = Bs[c][lid.x * BLOCK + q]; }
      if (below) {
        for (var x = 0u; x < BLOCK; x++) {
          let q = Cm[c][lid.y * BLOCK + x];
          for (var y = 0u; y < BLOCK; y++) { low[x][y] += q * b[y]; }
        }
      }
      if (above) {
        for (var x = 0u; x < BLOCK; x++) {
          let q = Cp[c][lid.y * BLOCK + x];
          for (var y = 0u; y < BLOCK; y++) { high[x][y] += q * b[y]; }
        }
      }
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  for (var x = 0u; x < BLOCK; x++) {
    let i = lid.y * BLOCK + x;
    let t = t0 + i;
    for (var y = 0u; y < BLOCK; y++) {
      let j = lid.x * BLOCK + y;
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
