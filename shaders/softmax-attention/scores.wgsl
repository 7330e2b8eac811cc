// Softmax attention, materialized form, pass 1 (MIXERS.md §1): S[t,s] = scale · q_t·k_s for s ≤ t.
// One workgroup computes a 64×64 tile of S, each of its 16×16 invocations a 4×4 block held in
// registers (common/causal-scores-main.wgsl). Tiles wholly above the diagonal return at once (causal: about half the work). Entries s > t are never written.

#include "common/causal-scores-main.wgsl"

struct Params { L: u32, d: u32, dv: u32, scale: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read_write> S: array<f32>;

fn scoreX(t: u32, i: u32) -> f32 { return Q[t * params.d + i]; }
fn scoreY(s: u32, i: u32) -> f32 { return K[s * params.d + i]; }
fn storeScore(t: u32, s: u32, dot: f32) { S[t * params.L + s] = dot * params.scale; }
