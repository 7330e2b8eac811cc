// SSD (MIXERS.md §6), attention form on Q×Q blocks: S[t,s] = G_ts·(C_t·B_s) for s ≤ t in one chunk,
// G_ts = a_{s+1}·…·a_t = exp(Σ_{r=s+1..t} log a_r) (the listing's exp(segsum(log a))). The quadratic
// form is one chunk of length L. One workgroup per 64×64 tile of a chunk's block (z = chunk),
// 16×16 invocations of 4×4 entries each; C and B rows stream through workgroup memory 16 columns
// of N at a time. The decay sums are taken from the tile's first column s0: cs(x) = Σ_{r=s0+1..x},
// the span (s0, t0] by a tree reduction, then running sums along the tile's rows and columns.
// Tiles wholly above the diagonal return at once; entries s > t are never written or read.

struct Params { L: u32, N: u32, P: u32, chunk: u32, width: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> a: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read> C: array<f32>;
@group(0) @binding(4) var<storage, read_write> S: array<f32>;

const TILE: u32 = 64u;
const DEPTH: u32 = 16u;
const BLOCK: u32 = 4u;

var<workgroup> Cs: array<array<f32, 64>, 16>;
var<workgroup> Bs: array<array<f32, 64>, 16>;
var<workgroup> logT: array<f32, 64>;
var<workgroup> logS: array<f32, 64>;
var<workgroup> partial: array<f32, 256>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let N = params.N;
  let w = params.width;
  let c0 = wid.z * params.chunk;
  let n = min(params.chunk, L - c0);
  let t0 = wid.y * TILE;
  let s0 = wid.x * TILE;
  if (s0 > t0 + TILE - 1u || t0 >= n) { return; }

  // cs(c0 + t0) over the span (s0, t0] of the chunk.
  var span = 0.0;
  for (var r = s0 + 1u + li; r <= t0; r += 256u) { span += log(a[c0 + r]); }
  partial[li] = span;
  workgroupBarrier();
  for (var stride = 128u; stride > 0u; stride /= 2u) {
    if (li < stride) { partial[li] += partial[li + stride]; }
    workgroupBarrier();
  }
  if (li == 0u) {
    var sum = partial[0];
    logT[0] = sum;
    for (var i = 1u; i < TILE; i++) {
      sum += select(0.0, log(a[c0 + min(t0 + i, n - 1u)]), t0 + i < n);
      logT[i] = sum;
    }
  }
  if (li == 1u) {
    var sum = 0.0;
    logS[0] = 0.0;
    for (var j = 1u; j < TILE; j++) {
      sum += select(0.0, log(a[c0 + min(s0 + j, n - 1u)]), s0 + j < n);
      logS[j] = sum;
    }
  }

  var acc: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < N; k0 += DEPTH) {
    for (var e = 0u; e < 4u; e++) {
      let flat = li + e * 256u;
      let row = flat / DEPTH;
      let col = flat % DEPTH;
      let t = t0 + row;
      let s = s0 + row;
      let i = k0 + col;
      Cs[col][row] = select(0.0, C[(c0 + min(t, n - 1u)) * N + min(i, N - 1u)], t < n && i < N);
      Bs[col][row] = select(0.0, B[(c0 + min(s, n - 1u)) * N + min(i, N - 1u)], s < n && i < N);
    }
    workgroupBarrier();
    for (var c = 0u; c < DEPTH; c++) {
      var q: array<f32, 4>;
      var k: array<f32, 4>;
      for (var b = 0u; b < BLOCK; b++) {
        q[b] = Cs[c][lid.y * BLOCK + b];
        k[b] = Bs[c][lid.x * BLOCK + b];
      }
      for (var x = 0u; x < BLOCK; x++) {
        for (var y = 0u; y < BLOCK; y++) { acc[x][y] += q[x] * k[y]; }
      }
    }
    workgroupBarrier();
  }
  workgroupBarrier();
  let base = wid.z * w * w;
  for (var x = 0u; x < BLOCK; x++) {
    let tl = lid.y * BLOCK + x;
    let t = t0 + tl;
    for (var y = 0u; y < BLOCK; y++) {
      let sl = lid.x * BLOCK + y;
      let s = s0 + sl;
      if (t < n && s <= t) { S[base + t * w + s] = exp(logT[tl] - logS[sl]) * acc[x][y]; }
    }
  }
}
