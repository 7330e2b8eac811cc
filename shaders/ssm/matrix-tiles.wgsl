// Diagonal SSM, materialized form, parallel variant (MIXERS.md §5), pass 2 for one channel: every
// 64×64 tile of the semiseparable matrix at once, tile (t block, s block) = workgroup (y, x),
//   M_ts = Σ_k C[t,k]·(Abar[s+1,k]·…·Abar[t,k])·B[s,k]   (s ≤ t),
// each decay product from the in-block cumulative logs ℓ of ssm/log-decay.wgsl, never from a
// difference of sums over all of L (which loses f32's precision as L grows). The product is
// exp(ℓ[t,k]) · exp(G_k − ℓ[s,k]), G_k the log decays of s's block and of those between s's and
// t's (0 on the diagonal tile), summed per tile: a rank-r product of row and column factors staged
// in workgroup memory 16 states at a time. Off the diagonal both exponents are ≤ 0 (Abar ≤ 1), so
// nothing overflows, and what underflows is below e^−87, negligible next to the matrix's entries.
// On the diagonal −ℓ[s,k] ≥ 0 is at most the block's whole log decay, so the factors are used
// where that is ≥ −40 for every k (e^40 fits f32 with room); a block that decays faster takes
// exp(ℓ[t,k] − ℓ[s,k]) entry by entry. Entries s > t are never written or read.

struct Params { L: u32, D: u32, r: u32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> logDecay: array<f32>;
@group(0) @binding(2) var<storage, read> B: array<f32>;
@group(0) @binding(3) var<storage, read> C: array<f32>;
@group(0) @binding(4) var<storage, read_write> M: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

const BLOCK: u32 = 64u;
const STATES: u32 = 16u;

var<workgroup> blockLog: array<f32, 64>;
var<workgroup> rowFactor: array<array<f32, 16>, 64>;
var<workgroup> columnFactor: array<array<f32, 16>, 64>;

/** ℓ at the last token of block b: the block's whole log decay. */
fn blockTotal(b: u32, k: u32) -> f32 { return logDecay[(min(params.L, (b + 1u) * BLOCK) - 1u) * params.r + k]; }

/** The diagonal tile's factors are safe when −ℓ stays ≤ 40 within the block (see the header). */
const FACTOR_LIMIT: f32 = -40.0;

var<workgroup> fastDecays: atomic<u32>;
var<workgroup> entryByEntry: u32;

/** The diagonal tile entry by entry, for a block whose decay is too fast for the factors. */
fn directTile(t0: u32, lid: vec3<u32>) {
  let L = params.L;
  let r = params.r;
  for (var x = 0u; x < 4u; x++) {
    let t = t0 + lid.y + 16u * x;
    for (var y = 0u; y < 4u; y++) {
      let s = t0 + lid.x + 16u * y;
      if (t < L && s <= t) {
        var sum = 0.0;
        for (var k = 0u; k < r; k++) { sum += C[t * r + k] * exp(logDecay[t * r + k] - logDecay[s * r + k]) * B[s * r + k]; }
        M[t * L + s] = sum;
      }
    }
  }
}

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  // The loop's channel is in ℓ already; the step binding is declared for the loop's layout.
  _ = step.index;
  let L = params.L;
  let r = params.r;
  let bs = wid.x;
  let bt = wid.y;
  if (bs > bt) { return; }
  let t0 = bt * BLOCK;
  let s0 = bs * BLOCK;
  // G_k: the log decays of s's block and of every block between s's and t's (none on the diagonal).
  if (li < r) {
    var sum = 0.0;
    for (var b = bs; b < bt; b++) { sum += blockTotal(b, li); }
    blockLog[li] = sum;
    if (bs == bt && blockTotal(bt, li) < FACTOR_LIMIT) { atomicAdd(&fastDecays, 1u); }
  }
  workgroupBarrier();
  if (li == 0u) { entryByEntry = atomicLoad(&fastDecays); }
  if (workgroupUniformLoad(&entryByEntry) > 0u) {
    directTile(t0, lid);
    return;
  }
  var m: array<array<f32, 4>, 4>;
  for (var k0 = 0u; k0 < r; k0 += STATES) {
    for (var f = li; f < BLOCK * STATES; f += 256u) {
      let i = f / STATES;
      let k = k0 + f % STATES;
      let t = t0 + i;
      let s = s0 + i;
      var row = 0.0;
      var column = 0.0;
      if (k < r) {
        if (t < L) { row = C[t * r + k] * exp(logDecay[t * r + k]); }
        if (s < L) { column = B[s * r + k] * exp(blockLog[k] - logDecay[s * r + k]); }
      }
      rowFactor[i][f % STATES] = row;
      columnFactor[i][f % STATES] = column;
    }
    workgroupBarrier();
    for (var q = 0u; q < STATES; q++) {
      var a: array<f32, 4>;
      var b: array<f32, 4>;
      for (var x = 0u; x < 4u; x++) { a[x] = rowFactor[lid.y + 16u * x][q]; }
      for (var y = 0u; y < 4u; y++) { b[y] = columnFactor[lid.x + 16u * y][q]; }
      for (var x = 0u; x < 4u; x++) {
        for (var y = 0u; y < 4u; y++) { m[x][y] += a[x] * b[y]; }
      }
    }
    workgroupBarrier();
  }
  for (var x = 0u; x < 4u; x++) {
    let t = t0 + lid.y + 16u * x;
    for (var y = 0u; y < 4u; y++) {
      let s = s0 + lid.x + 16u * y;
      if (t < L && s <= t) { M[t * L + s] = m[x][y]; }
    }
  }
}
