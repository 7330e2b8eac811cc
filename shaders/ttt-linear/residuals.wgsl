// TTT-linear, mini-batch form in the dual form (MIXERS.md §8). In a batch of n ≤ b tokens from t0,
// every gradient is taken at the batch-start weights W_0:
//   E_s = W_0 k_s − v_s,  A_ts = k_s·q_t (s ≤ t),  Y_t = W_0 q_t − η Σ_{s≤t} A_ts E_s,
//   W ← W_0 − η Σ_s E_s k_sᵀ.
// This pass, per batch (step.index): E, A, and W_0 q_t into Y, one invocation per entry; apply.wgsl
// then finishes Y and updates W.

#include "common/flat-index.wgsl"

struct Params { L: u32, d: u32, dv: u32, eta: f32, batch: u32 }
struct Step { index: u32 }

@group(0) @binding(0) var<uniform> params: Params;
@group(0) @binding(1) var<storage, read> Q: array<f32>;
@group(0) @binding(2) var<storage, read> K: array<f32>;
@group(0) @binding(3) var<storage, read> V: array<f32>;
@group(0) @binding(4) var<storage, read_write> Y: array<f32>;
@group(0) @binding(5) var<storage, read_write> W: array<f32>;
@group(0) @binding(6) var<storage, read_write> E: array<f32>;
@group(0) @binding(7) var<storage, read_write> A: array<f32>;
@group(1) @binding(0) var<uniform> step: Step;

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3<u32>, @builtin(num_workgroups) groups: vec3<u32>) {
  let d = params.d;
  let dv = params.dv;
  let b = params.batch;
  let t0 = step.index * b;
  let n = min(b, params.L - t0);
  let g = flatIndex(gid, groups);
  if (g < n * dv) {
    let s = g / dv;
    let j = g % dv;
    var wk = 0.0;
    var wq = 0.0;
    for (var i = 0u; i < d; i++) {
      let w = W[j * d + i];
      wk += w * K[(t0 + s) * d + i];
      wq += w * Q[(t0 + s) * d + i];
    }
    E[s * dv + j] = wk - V[(t0 + s) * dv + j];
    Y[(t0 + s) * dv + j] = wq;
    return;
  }
  let h = g - n * dv;
  if (h < n * n) {
    let t = h / n;
    let s = h % n;
    if (s > t) { return; }
    var dot = 0.0;
    for (var i = 0u; i < d; i++) { dot += K[(t0 + s) * d + i] * Q[(t0 + t) * d + i]; }
    A[t * b + s] = dot;
  }
}
