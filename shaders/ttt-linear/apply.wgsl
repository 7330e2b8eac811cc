// TTT-linear, mini-batch form (MIXERS.md §8), second pass per batch (step.index) of n tokens from t0:
//   Y_t −= η Σ_{s≤t} A_ts E_s  (Y_t holds W_0 q_t),   W ← W_0 − η Σ_s E_s k_sᵀ,
// one invocation per entry of Y's batch rows, then per weight. Reads of W (residuals.wgsl) are a
// dispatch earlier, so the update is in place.

#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, dv: u32, eta: f32, batch: u32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> K: array<f32>;
@group(0) @binding(2) var<storage, read_write> Y: array<f32>;
@group(0) @binding(3) var<storage, read_write> W: array<f32>;
@group(0) @binding(4) var<storage, read> E: array<f32>;
@group(0) @binding(5) var<storage, read> A: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let d = params.d;
  let dv = params.dv;
  let b = params.batch;
  let eta = params.eta;
  let t0 = step.index * b;
  let n = min(b, params.L - t0);
  let g = flatIndex(gid, groups);
  if (g < n * dv) {
    let t = g / dv;
    let j = g % dv;
    var sum = 0.0;
    for (var s = 0u; s <= t; s++) { sum += A[t * b + s] * E[s * dv + j]; }
    Y[(t0 + t) * dv + j] -= eta * sum;
    return;
  }
  let h = g - n * dv;
  if (h < dv * d) {
    let j = h / d;
    let i = h % d;
    var sum = 0.0;
    for (var s = 0u; s < n; s++) { sum += E[s * dv + j] * K[(t0 + s) * d + i]; }
    W[j * d + i] -= eta * sum;
  }
}
