// Structured-mask attention, quadratic form, step 2: S[t,s] = (q_t·k_s)·M[t,s] for s ≤ t.
// One workgroup per 64×64 tile (common/causal-scores-main.wgsl); tiles wholly above the diagonal return at once.

#include "common/causal-scores-main.wgsl"

struct Params { L: u32, d: u32, dv: u32, mask: u32, lambda: f32, block: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> M: array<f32>;
@group(0) @binding(4) var<storage, read_write> S: array<f32>;

fn scoreX(t: u32, i: u32) -> f32 { return Q[t * params.d + i]; }
fn scoreY(s: u32, i: u32) -> f32 { return K[s * params.d + i]; }
fn storeScore(t: u32, s: u32, dot: f32) { S[t * params.L + s] = dot * M[t * params.L + s]; }
