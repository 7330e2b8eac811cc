// Causal score matrix of the attention family (MIXERS.md §2, §3, §9):
//   A[t,s] = post · act(scale · x_t·y_s + bias) · λ^{t−s}  for s ≤ t (entries s > t are never written),
// act = identity (ACTIVATION 0: linear, simplified linear, retention) or relu² (ACTIVATION 1: GAU).
// λ = 2^{log2_decay}; log2_decay = 0 means no decay. X and Y are Q and K, or φ(Q) and φ(K).
// One workgroup per 64×64 tile (common/causal-scores-main.wgsl); tiles wholly above the diagonal return
// at once.

#include "common/causal-scores-main.wgsl"

struct Params { L: u32, d: u32, dv: u32, chunk: u32, scale: f32, bias: f32, post: f32, log2_decay: f32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> X: array<f32>;
@group(0) @binding(2) var<storage, read> Yk: array<f32>;
@group(0) @binding(3) var<storage, read_write> A: array<f32>;

override ACTIVATION: u32 = 0u;

fn scoreX(t: u32, i: u32) -> f32 { return X[t * params.d + i]; }
fn scoreY(s: u32, i: u32) -> f32 { return Yk[s * params.d + i]; }

fn storeScore(t: u32, s: u32, dot: f32) {
  var v = dot * params.scale + params.bias;
  if (ACTIVATION == 1u) { let r = max(v, 0.0); v = r * r; }
  A[t * params.L + s] = v * params.post * exp2(f32(t - s) * params.log2_decay);
}
