// Diagonal SSM, materialized form, parallel variant (MIXERS.md §5), pass 1 for channel
// c = step.index: the cumulative log decays within each block of 64 tokens,
//   ℓ[t,k] = Σ_{u = b0 … t} log Abar[u,c,k]   (b0 = the first token of t's block),
// as a parallel scan across the block's tokens: one workgroup per (block, state k), the sums
// scanned in workgroup memory (common/affine-scan-tree.wgsl with decay 1: a plain Blelloch sum),
// then each token adds its own term. Sums stay within one block so that their differences, which
// ssm/matrix-tiles.wgsl exponentiates, keep f32's precision: a sum over all L tokens would reach
// hundreds at L = 2048, where f32's spacing is 1e-5. log 0 is taken as −80 (e^−80 ≈ 2e−35).

#include "common/affine-scan-tree.wgsl"

struct Params { L: u32, D: u32, r: u32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Abar: array<f32>;
@group(0) @binding(2) var<storage, read_write> logDecay: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

const BLOCK: u32 = 64u;

@compute @workgroup_size(64)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_index) li: u32) {
  let L = params.L;
  let r = params.r;
  let k = wid.y;
  let t = wid.x * BLOCK + li;
  var own = 0.0;
  if (t < L) { own = max(log(Abar[(t * params.D + step.index) * r + k]), -80.0); }
  carryA[li] = 1.0;
  carryH[li] = own;
  exclusiveAffineScan(li, 1u, BLOCK);
  if (t < L) { logDecay[t * r + k] = carryH[li] + own; }
}
