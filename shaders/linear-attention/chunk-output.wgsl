// Linear attention, chunked form (MIXERS.md §2), step 2 of chunk c = step.index: with A the
// chunk's block φQ_c φK_cᵀ (lower triangle) and S, z carried from earlier chunks,
//   y_{c0+i} = (Σ_{s≤i} A[i,s] v_{c0+s} + φ(q)ᵀ S) / (Σ_{s≤i} A[i,s] + φ(q)ᵀ z)
// (common/chunk-output.wgsl: [A | φQ_c] · [V_c ; S] over [A | φQ_c] · [1 ; z]).

#include "common/chunk-output.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> phiQ: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read> A: array<f32>;
@group(0) @binding(4) var<storage, read> S: array<f32>;
@group(0) @binding(5) var<storage, read> z: array<f32>;
@group(0) @binding(6) var<storage, read_write> Y: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

const NORMALIZED: bool = true;

fn chunkQuery(i: u32, c0: u32, k: u32) -> f32 { return phiQ[(c0 + i) * params.d + k]; }
fn chunkNormalizer(k: u32) -> f32 { return z[k]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  chunkOutput(step.index, 0u, 0u, wid, lid, li);
}
