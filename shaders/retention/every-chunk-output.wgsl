// Retention, parallel chunked form (MIXERS.md §3), stage 3: every chunk's outputs at once, chunk
// c = workgroup z, from its own block (slice c of A) and the state entering it (slice c of the
// chunk states, after common/chunk-carry.wgsl):
//   y_{c0+i} = Σ_{s≤i} A[i,s] v_{c0+s} + λ^{i+1} q_{c0+i}ᵀ S_in(c)
// (common/chunk-output.wgsl: [A | λ^{i+1} Q_c] · [V_c ; S_in(c)]).

#include "common/chunk-output.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> V: array<f32>;
@group(0) @binding(3) var<storage, read> A: array<f32>;
@group(0) @binding(4) var<storage, read> S: array<f32>;
@group(0) @binding(5) var<storage, read_write> Y: array<f32>;

const NORMALIZED: bool = false;

fn chunkQuery(i: u32, c0: u32, k: u32) -> f32 { return Q[(c0 + i) * params.d + k] * exp2(f32(i + 1u) * params.log2_decay); }
/** Never called: retention has no denominator. */
fn chunkNormalizer(k: u32) -> f32 { return 0.0; }

@compute @workgroup_size(WG_X, WG_Y)
fn main(@builtin(workgroup_id) wid: vec3<u32>, @builtin(local_invocation_id) lid: vec3<u32>,
        @builtin(local_invocation_index) li: u32) {
  let W = min(params.chunk, params.L);
  chunkOutput(wid.z, wid.z * W * W, wid.z * params.d * params.dv, wid, lid, li);
}
