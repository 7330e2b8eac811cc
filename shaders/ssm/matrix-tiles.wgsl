// Diagonal SSM, materialized form, parallel variant (MIXERS.md §5), pass 2 for one channel: every
// 64×64 tile of the semiseparable matrix at once, tile (t block, s block) = workgroup (y, x),
//   M_ts = Σ_k C[t,k]·(Abar[s+1,k]·…·Abar[t,k])·B[s,k]   (s ≤ t),
// each decay product from the in-block cumulative logs ℓ of ssm/log-decay.wgsl, never from a
// difference of sums over all of L (which loses f32's precision as L grows):
//   same block:  exp(ℓ[t,k] − ℓ[s,k]);
//   s's block before t's:  exp(ℓ[t,k]) · exp(λ_k + E_k − ℓ[s,k]), λ_k the log decay of s's whole
//   block and E_k those of the blocks between, summed per tile; a rank-r product of row and column
//   factors staged in workgroup memory 16 states at a time. Every exponent is ≤ 0, so nothing
//   overflows; what underflows is a product below e^−87, negligible next to the matrix's entries.
// Entries s > t are never written or read.

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
  var m: array<array<f32, 4>, 4>;
  if (bs == bt) {
    for (var x = 0u; x < 4u; x++) {
      let t = t0 + lid.y + 16u * x;
      for (var y = 0u; y < 4u; y++) {
        let s = s0 + lid.x + 16u * y;
        if (t < L && s <= t) {
          var sum = 0.0;
          for (var k = 0u; k < r; k++) { sum += C[t * r + k] * exp(logDecay[t * r + k] - logDecay[s * r + k]) * B[s * r + k]; }
          M[t * L + s] = sum;
        }
      }
    }
    return;
  }
  // λ_k + E_k: the log decays of s's block and of every block between s's and t's.
  if (li < r) {
    var sum = 0.0;
    for (var b = bs; b < bt; b++) { sum += blockTotal(b, li); }
    blockLog[li] = sum;
  }
  workgroupBarrier();
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
        column = B[s * r + k] * exp(blockLog[k] - logDecay[s * r + k]);
      }
      rowFactor[i][f % STATES] = row;
      columnFactor[i][f % STATES] = column;
    }
    workgroupBarrier();
    for (var x = 0u; x < 4u; x++) {
      for (var y = 0u; y < 4u; y++) {
        for (var q = 0u; q < STATES; q++) { m[x][y] += rowFactor[lid.y + 16u * x][q] * columnFactor[lid.x + 16u * y][q]; }
      }
    }
    workgroupBarrier();
  }
  for (var x = 0u; x < 4u; x++) {
    let t = t0 + lid.y + 16u * x;
    for (var y = 0u; y < 4u; y++) {
      if (t < L) { M[t * L + s0 + lid.x + 16u * y] = m[x][y]; }
    }
  }
}
