// Linear attention, parallel chunked form (MIXERS.md §2), stage 3: every chunk's outputs at once,
// chunk c = workgroup z, from its own block (slice c of A) and the (S, z) entering it (slice c of
// the chunk states, after common/chunk-carry.wgsl):
//   y_{c0+i} = (Σ_{s≤i} A[i,s] v_{c0+s} + φ(q)ᵀ S_in(c)) / (Σ_{s≤i} A[i,s] + φ(q)ᵀ z_in(c))
// (common/chunk-output.wgsl: [A | φQ_c] · [V_c ; S] over [A | φQ_c] · [1 ; z]).

#include "common/chunk-output.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> phiQ: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read> A: array<f32>;
@group(0) @binding(4) var<storage, read> S: array<f32>;
@group(0) @binding(5) var<storage, read_write> Y: array<f32>;

const NORMALIZED: bool = true;

/** Where chunk c's z starts in the chunk states: past its d×dv state. */
var<private> normalizerStart: u32;

fn chunkQuery(i: u32, c0: u32, k: u32) -> f32 { return phiQ[(c0 + i) * params.d + k]; }
fn chunkNormalizer(k: u32) -> f32 { return S[normalizerStart + k]; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let W = min(params.chunk, params.L);
  let slice = wid.z * (params.d * params.dv + params.d);
  normalizerStart = slice + params.d * params.dv;
  chunkOutput(wid.z, wid.z * W * W, slice, wid, lid, li);
}
